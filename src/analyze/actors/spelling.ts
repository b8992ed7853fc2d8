// Spelling slips in names: two words one letter apart ("Erdoğa" for "Erdoğan", "Lavruv" for "Lavrov").

/** True when two words differ by exactly one inserted, deleted or replaced letter. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i) === b.slice(i + 1);
}
