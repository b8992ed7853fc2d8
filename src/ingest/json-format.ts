// JSON input: one article per `.json` file or per line of a `.jsonl` file, shaped {id?, date?, title?, url?, source?, text}.
import { z } from 'zod';
import { buildArticle, type ReadArticle } from './article.js';
import { IngestError, type Where } from './ingest-error.js';

const optionalText = z.string().nullish();

/** The article object inputs give; fields may be null, other fields are ignored. */
export const ArticleInput = z.object({
  id: z.union([z.string(), z.number().transform(String)]).nullish(),
  date: optionalText,
  title: optionalText,
  url: optionalText,
  source: optionalText,
  language: optionalText,
  text: z.string({ error: (issue) => (issue.input === undefined ? 'missing "text"' : '"text" must be a string') }),
});

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length && !i.message.includes('"') ? `"${i.path.join('.')}": ${i.message}` : i.message))
    .join('; ');
}

/** Validates an already parsed JSON value as an article. */
export function articleFromJson(value: unknown, where: Where): ReadArticle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new IngestError('bad-article', `expected one article object {text, id?, date?, title?, url?, source?}, found ${kind}`, where);
  }
  const parsed = ArticleInput.safeParse(value);
  if (!parsed.success) throw new IngestError('bad-article', `not an article: ${describeIssues(parsed.error)}`, where, { cause: parsed.error });
  return buildArticle(parsed.data, where);
}

/** Parses one JSON document (a `.json` file or one JSON Lines line) into an article. */
export function parseJsonArticle(raw: string, where: Where): ReadArticle {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new IngestError('bad-json', `broken JSON: ${(err as Error).message}`, where, { cause: err });
  }
  return articleFromJson(value, where);
}
