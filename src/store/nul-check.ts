// Finds NUL characters (U+0000) in what is about to be written: PostgreSQL cannot keep them in text, so no driver takes them.

/** The path (`record.article.text`, `quotes[2].text`) of the first string in `value` holding a NUL, or null when none does. */
export function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPath(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

/** A value for a message: NULs shown as \0, cut to 80 characters. */
export const shown = (s: string): string => JSON.stringify(s.replace(/\u0000/g, '\\0').slice(0, 80));
