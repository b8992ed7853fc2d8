// Spelling slips in names: two words one letter apart ("Erdoğa" for "Erdoğan", "Lavruv" for "Lavrov").

/** True when two words differ by exactly one inserted, deleted or replaced letter. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length > b.length) return oneEditApart(b, a);
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // After the first difference, the rest must match: letter for letter (a replacement) or one further on in b
  // (an insertion).
  const shift = b.length - a.length;
  for (let k = i + 1 - shift; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k + shift)) return false;
  return true;
}
