// Topic filters: whether an item's words hold one of a feed's keywords (any case, whole words), so unrelated news is not ingested.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A test for texts holding one of the keywords: whole words or phrases, any case, white space inside a phrase matching
 * any white space ("arms  embargo" matches "arms embargo"). No keywords: every text passes.
 */
export function topicFilter(keywords: readonly string[]): (text: string) => boolean {
  if (!keywords.length) return () => true;
  const alternatives = keywords.map((k) => k.trim().split(/\s+/).map(escape).join('\\s+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  return (text) => re.test(text);
}
