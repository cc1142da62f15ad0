// A plain static server inside the test runner, for the no-bundler pages (test/plain/):
// under `/plain/` files are sent exactly as on disk (no module rewriting, no `.js` added),
// with a strict Content-Security-Policy and Trusted Types. `/plain/node_modules/ir-monitor/` is this
// package, as it would be installed. The one inline script a page may hold is its import
// map, allowed by its hash, as docs/no-bundler.md tells a page to do.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve } from 'node:path';
import { importMap } from '../../scripts/import-map.mjs';

const root = resolve('.');
/** Content types by extension (test/package/tarball.test.mjs's server sends the same). */
export const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
const allowed = ['dist/', 'node_modules/', 'test/plain/'];

/**
 * `default-src 'self'`, the hash of each inline import map of the page, and Trusted Types:
 * only Lit's own policy may make markup, as on the demo pages.
 */
export function policy(html = '') {
  const maps = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  const trusted = "require-trusted-types-for 'script'; trusted-types lit-html";
  return maps.length ? `default-src 'self'; script-src 'self' ${maps.join(' ')}; ${trusted}` : `default-src 'self'; ${trusted}`;
}

export async function plainStatic(ctx, next) {
  if (!ctx.path.startsWith('/plain/')) return next();
  const path = normalize(ctx.path.slice('/plain/'.length)).replace(/^node_modules\/ir-monitor\//, '');
  if (!allowed.some((a) => path.startsWith(a))) return void (ctx.status = 404);
  let body;
  try {
    body = await readFile(resolve(root, path));
  } catch {
    return void (ctx.status = 404);
  }
  const type = types[extname(path)] ?? 'application/octet-stream';
  if (type === 'text/html') {
    const html = body.toString('utf8');
    // The test page's map is the one the build writes (for its own base URL).
    const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1];
    if (map && JSON.stringify(JSON.parse(map)) !== JSON.stringify(importMap('/plain/node_modules/'))) {
      ctx.status = 500;
      ctx.body = `${path}: its import map differs from scripts/import-map.mjs`;
      return;
    }
    ctx.set('Content-Security-Policy', policy(html));
  }
  ctx.set('Content-Type', type);
  ctx.body = body;
}
