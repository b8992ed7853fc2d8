// Keys for actors and proposals: lower-case ASCII slugs of names ("François Bausch" → "francois-bausch").

/** Slugs made so far: the same names recur within and across articles. */
const slugs = new Map<string, string>();

export function slugify(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = makeSlug(name);
    if (slugs.size < 50_000) slugs.set(name, slug);
  }
  return slug;
}

/** The text without accents, and letters without a decomposition spelt in ASCII ("Łódź" → "Lodz", "ø" → "o"). */
export function foldAccents(text: string): string {
  // Accents and letters without a decomposition ("ł", "ø") matter only outside ASCII.
  return /^[\x00-\x7f]*$/.test(text)
    ? text
    : text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/ß/g, 'ss').replace(/đ/g, 'd');
}

function makeSlug(name: string): string {
  return foldAccents(name)
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The key of a named person: `person:` + the slug of the full name. */
export const personKey = (fullName: string): string => `person:${slugify(fullName)}`;
