// Stage: resolve when each stance was expressed ("on Wednesday") against the article's date.
import type { Doc } from '../doc.js';
import { objectList, sentenceAt } from '../doc.js';
import type { Stage } from '../stage.js';
import { timesIn, type Resolved } from './when.js';

export const dates: Stage = {
  name: 'dates',
  reads: ['sentences', 'stances'],
  adds: ['dates'],
  run(doc: Doc) {
    const ref = articleDay(doc.article.date);
    const bySentence = new Map<number, Resolved[]>();
    for (const st of doc.stances) {
      // The stances stage leaves the cue in `when`; it is replaced by the time expression found near it.
      const at = st.when ?? st.evidence;
      const si = sentenceAt(doc, at.start);
      if (ref === null || si < 0) { st.date = ref; continue; }
      let times = bySentence.get(si);
      if (!times) {
        const s = doc.sentences[si];
        // A loop into objectList(), not map(): V8's compiled map() returns a holey array, another kind for nearest().
        times = objectList<Resolved>();
        for (const t of timesIn(doc.text.slice(s.start, s.end), ref)) times.push({ ...t, start: t.start + s.start, end: t.end + s.start });
        bySentence.set(si, times);
      }
      const pick = nearest(times, at.start);
      st.date = pick?.date ?? ref;
      if (pick) st.when = { start: pick.start, end: pick.end };
    }
  },
};

/** The article's date as YYYY-MM-DD, or null (a month alone, "2022-05", gives its first day). */
function articleDay(date: string | null): string | null {
  if (!date) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return null;
}

/** The time expression closest to an offset (the stance's cue, or its sentence's start). */
function nearest(times: Resolved[], offset: number): Resolved | null {
  let best: Resolved | null = null;
  for (const t of times) if (!best || Math.abs(t.start - offset) < Math.abs(best.start - offset)) best = t;
  return best;
}
