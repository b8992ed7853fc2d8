// Who sits in a body on a date: its members, the permanent ones, the participants and the seats not yet known.
import { BODIES, holdsOn, type BodyId, type MemberEntry } from './body-data.js';
import { OutlookError } from './outlook-error.js';

export interface Roster {
  body: BodyId;
  date: string;
  /** Members known on the date (for the UNSC: permanent and elected). */
  members: MemberEntry[];
  /** UNSC: keys of the permanent members. */
  permanent: ReadonlySet<string>;
  /** Others whose objection counts (the EU at the G7); not counted as members. */
  participants: Array<{ key: string; name: string }>;
  /** Seats whose holder on that date is not known (UNSC elected seats not yet elected or not encoded). */
  unknownSeats: number;
  notes: string[];
}

/** The roster of a body on a date; fails when the body's membership is not encoded for that date. */
export function rosterOn(body: BodyId, date: string): Roster {
  const data = BODIES[body];
  if (date < data.knownFrom) {
    throw new OutlookError('membership-unknown', `${data.name}: membership is encoded only from ${data.knownFrom}, not for ${date}. ${data.knownFromNote ?? ''}`.trim());
  }
  const permanent = data.permanent ?? [];
  const elected = data.members.filter((m) => holdsOn(m, date));
  const members = [...permanent, ...elected];
  const notes: string[] = [];
  let unknownSeats = 0;
  if (data.electedSeats !== undefined) {
    unknownSeats = Math.max(0, data.electedSeats - elected.length);
    if (unknownSeats) notes.push(`${unknownSeats} of the ${data.electedSeats} elected seats on ${date} are not known (elected seats are encoded for terms from 2019 to 2028); they are counted as unknown.`);
  }
  return {
    body, date, members, permanent: new Set(permanent.map((m) => m.key)),
    participants: (data.participants ?? []).map(({ key, name }) => ({ key, name })), unknownSeats, notes,
  };
}
