// Keys for actors and proposals: lower-case ASCII slugs of names ("François Bausch" → "francois-bausch").

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/ß/g, 'ss').replace(/đ/g, 'd')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The key of a named person: `person:` + the slug of the full name. */
export const personKey = (fullName: string): string => `person:${slugify(fullName)}`;
