// The no-bundler build: `dist/ir-monitor.bundle.js`, one minified ES module with lit, rxjs,
// uplot and @lit/context inside, for a page that loads it with a plain
// `<script type="module" src>` and no import map. Run after `tsc -p tsconfig.build.json`;
// exits 1 when the bundle outgrows its budget.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Bytes of the bundle, minified and gzipped: ten elements, their engines, models and streams,
 * lit, rxjs (its ES2015 build), uplot (141.49 kB gzipped today). Raised from 130 kB as the leak alarms, flash phase,
 * layered trend and the alarm log's languages landed; the freezing model's well index (0.9 kB)
 * fits in it since the style sheets lost their layout; 1.5 kB more for the room in a Worker
 * (`<ir-telemetry .worker>`: following it, its engines' copies, transferred maps: 1.1 kB). A
 * jump beyond it is a dependency pulled in by mistake.
 */
export const BUNDLE_BUDGET = { minified: 410_000, gzip: 141_500 };
export const BUNDLE = 'dist/ir-monitor.bundle.js';

/** tsc's decorator helper, written into every module with decorators (eleven copies). */
const DECORATE = /^var __decorate = \(this && this\.__decorate\) \|\| (function \(decorators, target, key, desc\) \{\n[\s\S]*?\n\});\n/m;

/** Lit's `css` templates as tsc writes them (`css \`...\``), up to their closing backtick. */
const CSS_TEMPLATE = /\bcss `((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^}]*\})*)`/g;

/**
 * A style sheet without what the browser ignores: comments, indentation, the spaces beside
 * braces, semicolons, child combinators and after colons (never before one: `a :hover`
 * is not `a:hover`), and each block's last semicolon. Quoted strings (`content: '✓ '`) and
 * interpolations (`${...}`) stay as they are.
 */
const minifyCss = (sheet) =>
  sheet
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/(\$\{[^}]*\}|'[^']*'|"[^"]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};>]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}')))
    .join('');

/**
 * Lit `html` templates (nested ones in their `${...}` too) with each run of whitespace that
 * holds a line break as one space, as HTML draws it (no template here holds a `<pre>` or
 * text in `white-space: pre`). The code in `${...}` is read for its strings and templates
 * only: a regular expression there holding a quote or a backtick would be misread, so the
 * result is checked to differ from the source in whitespace alone.
 */
function collapseTemplates(source) {
  let out = '';
  let from = 0;
  // tsc writes a tag and its template with a space between (`html \`...\``).
  for (const m of source.matchAll(/\bhtml ?`/g)) {
    if (m.index < from) continue;
    const t = template(source, m.index + m[0].length, true);
    out += source.slice(from, m.index + m[0].length) + t.text;
    from = t.end;
  }
  out += source.slice(from);
  if (out.replace(/\s+/g, '') !== source.replace(/\s+/g, '')) throw new Error('collapseTemplates changed more than whitespace');
  return out;
}

/** A template from index `i` (after its backtick) through its closing one: its text, and the index after it. */
function template(s, i, html) {
  let out = '';
  let text = '';
  const flush = () => ((out += html ? text.replace(/\s*\n\s*/g, ' ') : text), (text = ''));
  while (s[i] !== '`') {
    if (i >= s.length) throw new Error('collapseTemplates: a template without its end');
    if (s[i] === '\\') (text += s.slice(i, i + 2)), (i += 2);
    else if (s.startsWith('${', i)) {
      flush();
      const e = interpolation(s, i + 2);
      out += '${' + e.text;
      i = e.end;
    } else text += s[i++];
  }
  flush();
  return { text: out + '`', end: i + 1 };
}

/** The code of a `${...}` from index `i` through its closing brace, its templates read as templates. */
function interpolation(s, i) {
  let out = '';
  for (let depth = 0; i < s.length; ) {
    const c = s[i];
    if (c === '`') {
      const t = template(s, i + 1, /\bhtml ?$/.test(s.slice(i - 5, i)));
      out += '`' + t.text;
      i = t.end;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === '\\' ? 2 : 1;
      out += s.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
      if (c === '{') depth++;
      else if (c === '}' && depth-- === 0) return { text: out, end: i };
    }
  }
  throw new Error('collapseTemplates: an interpolation without its end');
}

/**
 * The package's own modules (tsc's output, not the dependencies' dist folders) as the bundle
 * takes them: one copy of tsc's decorator helper, which each module imports instead of carrying
 * its own (3 kB minified), style sheets without their layout, and templates without their
 * indentation (2 kB minified).
 */
const ownModules = {
  name: 'own-modules',
  setup(b) {
    let helper = '';
    b.onResolve({ filter: /^ir-monitor:decorate$/ }, () => ({ path: 'decorate', namespace: 'helper' }));
    b.onLoad({ filter: /.*/, namespace: 'helper' }, () => ({ contents: `export const __decorate = ${helper};`, loader: 'js' }));
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, ({ path }) => {
      if (path.includes('node_modules')) return undefined;
      let source = collapseTemplates(readFileSync(path, 'utf8').replace(CSS_TEMPLATE, (_, sheet) => `css \`${minifyCss(sheet)}\``));
      const found = source.match(DECORATE);
      if (found) (helper = found[1]), (source = `import { __decorate } from 'ir-monitor:decorate';\n${source.replace(DECORATE, '')}`);
      return { contents: source, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/** Builds the bundle and returns its sizes. */
export async function bundle() {
  await build({
    // tsc's output, which the package's `sideEffects` describes (each element module registers its element).
    entryPoints: ['dist/index.js'],
    outfile: BUNDLE,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    // RxJS's ES2015 build, not its ES5 one (the default `module` field): no tslib helpers, native classes.
    conditions: ['es2015'],
    // The dependencies' licence notices in dist/ir-monitor.bundle.js.LEGAL.txt beside it, which the
    // bundle's last line names: shipped with it, not downloaded by every page (as webpack does).
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [ownModules],
  });
  // RxJS as one ES module, for the import map of separate files (scripts/import-map.mjs).
  await build({ stdin: { contents: "export * from 'rxjs';", resolveDir: '.' }, outfile: 'dist/vendor/rxjs.js', bundle: true, format: 'esm', minify: true, target: 'es2022', conditions: ['es2015'], legalComments: 'eof', logLevel: 'warning' });
  // Its types are the package's: a TypeScript page importing the file by path is checked too.
  writeFileSync(BUNDLE.replace(/\.js$/, '.d.ts'), "export * from './index.js';\n");
  const bytes = readFileSync(BUNDLE);
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = await bundle();
  const over = Object.entries(BUNDLE_BUDGET).filter(([k, max]) => size[k] > max);
  for (const [k, max] of over) console.error(`bundle: ${BUNDLE} ${size[k]} B ${k}, over its ${max} B budget`);
  console.log(`bundle: ${BUNDLE} ${size.minified} B minified (budget ${BUNDLE_BUDGET.minified}), ${size.gzip} B gzipped (budget ${BUNDLE_BUDGET.gzip})`);
  process.exit(over.length ? 1 : 0);
}
