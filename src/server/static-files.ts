// Serves the built page (dist/web): its files, and index.html for the page's own paths (/, /proposals/…, /actors/…, /articles/…).
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

/** Only the page's own scripts, styles and API calls; nothing from elsewhere, no inline script. The app sends it with every response. */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export function staticFiles(root: string) {
  const base = path.resolve(root);
  const read = (file: string) => {
    try {
      return fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
    } catch {
      return null;
    }
  };
  return (c: Context) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('bad path', 400, { 'x-content-type-options': 'nosniff' });
    }
    const file = path.resolve(base, `.${path.posix.normalize(pathname)}`);
    const inside = file === base || file.startsWith(base + path.sep);
    const hasExt = path.extname(pathname) !== '';
    const body = inside && hasExt ? read(file) : null;
    const headers: Record<string, string> = { 'x-content-type-options': 'nosniff' };
    if (body) {
      headers['content-type'] = TYPES[path.extname(file)] ?? 'application/octet-stream';
      headers['cache-control'] = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(new Uint8Array(body), 200, headers);
    }
    if (hasExt) return c.text('not found', 404, headers);
    const index = read(path.join(base, 'index.html'));
    if (!index) return c.text('the page is not built: run `npm run build`', 404, headers);
    return c.body(new Uint8Array(index), 200, { ...headers, 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
  };
}
