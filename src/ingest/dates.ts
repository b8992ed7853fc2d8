// Publication dates: turns what inputs give (YYYY-MM-DD, ISO date-times, page metadata) into YYYY-MM-DD or null.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function calendarDate(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate(); // day 0 of the next month = last day of this one
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A real calendar date as YYYY-MM-DD, or null when `raw` is not one. Strict by default: only
 * YYYY-MM-DD, an ISO 8601 date-time (its date part, as the publisher wrote it) or YYYYMMDD.
 * `loose` also takes what Date.parse reads (e.g. RFC 2822 "Wed, 16 Mar 2022 10:00:00 GMT"),
 * as page metadata sometimes gives.
 */
export function normalizeDate(raw: string, options: { loose?: boolean } = {}): string | null {
  const s = raw.trim();
  const m = ISO.exec(s) ?? COMPACT.exec(s);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (options.loose && /\d{4}/.test(s) && /[a-z]/i.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) {
      const d = new Date(t);
      return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
  }
  return null;
}
