// Resolves a time expression in a sentence ("on Wednesday", "last week", "yesterday") against the article's date.
import * as chrono from 'chrono-node';

export interface Resolved {
  date: string; // YYYY-MM-DD
  start: number; // offset in the sentence
  end: number;
}

const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const FUTURE = /\b(will|next|tomorrow|upcoming|forthcoming|is due|are due|plans? to|scheduled)\b/i;
const MONTH_ONLY = /^(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}$/i;

const iso = (d: Date): string => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/** The time expressions of a sentence, resolved against `ref` (YYYY-MM-DD), in text order. */
export function timesIn(sentence: string, ref: string): Resolved[] {
  const instant = new Date(`${ref}T12:00:00Z`);
  if (Number.isNaN(instant.getTime())) return [];
  const out: Resolved[] = [];
  for (const r of chrono.parse(sentence, { instant, timezone: 0 }, { forwardDate: false })) {
    if (!r.start.isCertain('day') && !r.start.isCertain('weekday') && !/\b(yesterday|today|tonight|last|this|earlier)\b/i.test(r.text)) continue;
    let d = r.start.date();
    const future = FUTURE.test(sentence.slice(Math.max(0, r.index - 40), r.index + r.text.length + 10));
    // News reports the past: a bare weekday or a month-day after the article's date is last week's or last year's.
    if (d.getTime() > instant.getTime() + 12 * 3600 * 1000 && !future) {
      if (WEEKDAY.test(r.text) && !r.start.isCertain('month')) d = new Date(d.getTime() - 7 * 24 * 3600 * 1000);
      else if (MONTH_ONLY.test(r.text.trim()) && !r.start.isCertain('year')) d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate(), 12));
    }
    out.push({ date: iso(d), start: r.index, end: r.index + r.text.length });
  }
  return out;
}
