// What every decision rule takes (each member's vote) and gives back (passes or not, who blocks, what is missing).

/** A member's vote as a rule counts it; the outlook turns stances into votes. */
export type Vote = 'yes' | 'no' | 'abstain';

/** One vote per member of the deciding body; the map's keys are the members. */
export type Votes = ReadonlyMap<string, Vote>;

/** What a failing proposal still needs, in terms a reader can act on. */
export type Need =
  | { kind: 'consent'; key: string } // this member must drop its objection
  | { kind: 'no-veto'; key: string } // this permanent member must not vote against
  | { kind: 'votes'; count: number } // this many more votes in favour
  | { kind: 'members'; count: number } // this many more member states in favour (qualified majority)
  | { kind: 'population'; percent: number }; // members with this much more of the population in favour

export interface Decision {
  passes: boolean;
  /** Who alone (a veto, an objection) or together (a blocking minority) stop it; empty when it passes. */
  blockers: string[];
  needs: Need[];
}

/** The members casting a given vote, in the map's order. */
export const casting = (votes: Votes, vote: Vote): string[] => [...votes].filter(([, v]) => v === vote).map(([k]) => k);

export const count = (votes: Votes, vote: Vote): number => casting(votes, vote).length;
