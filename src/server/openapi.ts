// The OpenAPI 3.1 document of the API, built from the route list (so it cannot drift from the routes).
import { z } from 'zod';
import { ERROR_CODES } from './api-error.js';
import type { Route } from './route.js';

/** `/api/proposals/:id` → `/api/proposals/{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

const ERROR_SCHEMA = {
  type: 'object', required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', enum: ERROR_CODES }, message: { type: 'string' } } } },
};

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: 'query', required: (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

function requestBody(body: Route['body']) {
  if (!body) return undefined;
  const content: Record<string, unknown> = {};
  for (const [type, b] of Object.entries(body)) {
    content[type] = typeof b === 'string' ? { schema: { type: 'string', description: b } } : { schema: z.toJSONSchema(b, { io: 'input', unrepresentable: 'any' }) };
  }
  return { required: true, content };
}

export function openApiDocument(routes: Route<any>[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = openApiPath(r.path);
    const declared = r.params ? (z.toJSONSchema(r.params, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, object> }).properties ?? {} : {};
    const params = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: declared[name] ?? { type: 'string' } }));
    const errors = { description: 'an error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      parameters: [...params, ...queryParameters(r.query)],
      ...(r.body ? { requestBody: requestBody(r.body) } : {}),
      ...(r.auth ? { security: [{ bearer: [] }] } : {}),
      responses: {
        [r.response.status]: { description: r.response.description, content: { [r.response.mediaType ?? 'application/json']: {} } },
        ...(r.auth ? { 401: errors, 413: errors } : {}),
        default: errors,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Standpoint API', version: '1', description: 'Who stands where on which proposal. Reading needs no token; writing needs `Authorization: Bearer <token>`. Every error is {error: {code, message}}.' },
    paths,
    components: { schemas: { Error: ERROR_SCHEMA }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
