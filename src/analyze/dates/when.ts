// Resolves a time expression in a sentence ("on Wednesday", "last week", "yesterday") against the article's date.
import * as chrono from 'chrono-node/en'; // English only: the root module also loads 15 other locales (~0.1 s per thread)
import { objectList } from '../doc.js';

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
/** A cheap test for words that can start a time expression; chrono runs only on sentences that pass it. */
const MAYBE_TIME = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:yesterday|today|tonight|tomorrow|last|ago|earlier|week|month|year)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d{2}-\d{2}/i;

const MAYBE_TIME_ALL = new RegExp(MAYBE_TIME.source, 'gi');
/** Characters of context given to chrono on each side of a likely time word. */
const WINDOW = 24;

/** Day words resolved without chrono: weekdays, "yesterday", "today", "last week". */
const SIMPLE = /\b(?:(?:late |early )?(?:on |last |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (?:morning|afternoon|evening|night))?|(yesterday|today|tonight)|last (week|month))\b/gi;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY = 24 * 3600 * 1000;

/** Weekdays and relative days, resolved by hand: chrono is slow for what a table answers. */
function simpleTimes(sentence: string, instant: Date): Resolved[] {
  const out = objectList<Resolved>();
  for (const m of sentence.matchAll(SIMPLE)) {
    const text = m[0].toLowerCase();
    let d: Date;
    if (m[1]) {
      const want = WEEKDAYS.indexOf(m[1].toLowerCase());
      let back = (instant.getUTCDay() - want + 7) % 7;
      const future = FUTURE.test(sentence.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 10));
      if (future && back > 0) back -= 7; // "will meet on Friday": the coming one
      if (text.startsWith('last ') && back === 0) back = 7;
      d = new Date(instant.getTime() - back * DAY);
    } else if (m[2]) {
      d = new Date(instant.getTime() - (m[2].toLowerCase() === 'yesterday' ? DAY : 0));
    } else {
      d = new Date(instant.getTime() - (m[3].toLowerCase() === 'week' ? 7 : 30) * DAY);
    }
    out.push({ date: iso(d), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4}))?|\b(\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: (\d{4}))?/gi;
const AGO = /\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week|month)s? ago\b|\b(earlier|later) this (week|month)\b/gi;
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** What the hand-written readers do not cover and chrono must read. */
const ONLY_CHRONO = /\d{4}-\d{2}-\d{2}|\bnext (week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bmid-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** "March 15", "15 March 2022", "Jan. 23": month days, leaning into the past of the reference date. */
function monthDays(sentence: string, instant: Date): Resolved[] {
  const out = objectList<Resolved>();
  for (const m of sentence.matchAll(MONTH_DAY)) {
    const month = MONTHS.indexOf((m[1] ?? m[5]).toLowerCase());
    const day = Number(m[2] ?? m[4]);
    if (day < 1 || day > 31) continue;
    const yearGiven = m[3] ?? m[6];
    let year = yearGiven ? Number(yearGiven) : instant.getUTCFullYear();
    let d = new Date(Date.UTC(year, month, day, 12));
    if (!yearGiven && d.getTime() > instant.getTime() + 12 * 3600 * 1000) { year -= 1; d = new Date(Date.UTC(year, month, day, 12)); }
    out.push({ date: iso(d), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** "two weeks ago", "earlier this month". */
function agoTimes(sentence: string, instant: Date): Resolved[] {
  const out = objectList<Resolved>();
  for (const m of sentence.matchAll(AGO)) {
    let d: Date;
    if (m[1]) {
      const n = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
      const unit = m[2].toLowerCase() === 'day' ? 1 : m[2].toLowerCase() === 'week' ? 7 : 30;
      d = new Date(instant.getTime() - n * unit * DAY);
    } else {
      // "earlier this month": the month's (or week's) first day, never after the reference date.
      d = m[4].toLowerCase() === 'month' ? new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1, 12))
        : new Date(instant.getTime() - ((instant.getUTCDay() + 6) % 7) * DAY);
      if (m[3].toLowerCase() === 'later') d = instant;
    }
    out.push({ date: iso(d), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

export function timesIn(sentence: string, ref: string): Resolved[] {
  if (!MAYBE_TIME.test(sentence)) return [];
  const instant = new Date(`${ref}T12:00:00Z`);
  if (Number.isNaN(instant.getTime())) return [];
  // Common forms are read by hand; chrono only for the rest (it is slow for a table look-up).
  if (!ONLY_CHRONO.test(sentence)) {
    return [...simpleTimes(sentence, instant), ...monthDays(sentence, instant), ...agoTimes(sentence, instant)].sort((a, b) => a.start - b.start);
  }
  const out = objectList<Resolved>();
  // chrono runs only on short windows around the likely time words, not on the whole sentence.
  const windows: [number, number][] = [];
  for (const m of sentence.matchAll(MAYBE_TIME_ALL)) {
    const a = Math.max(0, m.index! - WINDOW);
    const b = Math.min(sentence.length, m.index! + m[0].length + WINDOW);
    const lastW = windows[windows.length - 1];
    if (lastW && a <= lastW[1]) lastW[1] = Math.max(lastW[1], b);
    else windows.push([a, b]);
  }
  const results = windows.flatMap(([a, b]) => chrono.parse(sentence.slice(a, b), { instant, timezone: 0 }, { forwardDate: false })
    .map((r) => Object.assign(r, { index: r.index + a })));
  for (const r of results) {
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
