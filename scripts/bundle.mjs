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
 * lit, rxjs (its ES2015 build), uplot (141.27 kB gzipped today). Raised from 130 kB as the leak alarms, flash phase,
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

/** A colour of six hex digits in pairs (`#ffffff`) after `:`, a space, `,` or `(`: it has three (`#fff`). */
const SHORT_HEX = /([:\s,(])#([0-9a-f])\2([0-9a-f])\3([0-9a-f])\4(?![0-9a-z_-])/gi;
/** A number below 1 (`0.5rem`, `-0.5em`): it needs no zero (`.5rem`). */
const LEADING_ZERO = /([:\s,(-])0\.(\d)/g;
/**
 * A declaration of a property of CSS's own. A custom property's value (`--_text: ...`), and
 * one with a `var()`, are kept as written, as the browser keeps them.
 */
const DECLARATION = /(^|[{;])([a-z][a-z-]*:[^;{}]*)/g;
/** A custom property's declaration, or one with a `var()`: its commas keep their spaces. */
const COMMA = /((?:^|[{;])(?:--|[a-z][a-z-]*:[^;{}]*var\()[^;{}]*)|, /g;
const shorterValue = (all, before, declaration) => (declaration.includes('var(') ? all : before + declaration.replace(SHORT_HEX, '$1#$2$3$4').replace(LEADING_ZERO, '$1.$2'));

/** A quoted attribute value in a selector (`[part='alarm']`) that is an identifier: it needs no quotes. */
const IDENT = /^(['"])-?[a-z_][\w-]*\1$/i;
const bareValue = (part, before, after) => (before.endsWith('=') && after.startsWith(']') && IDENT.test(part) ? part.slice(1, -1) : part);

/**
 * A style sheet without what the browser ignores: comments, indentation, the spaces beside
 * braces, semicolons, child and sibling combinators and after colons (never before one: `a :hover`
 * is not `a:hover`), each block's last semicolon, the quotes of an attribute selector's
 * identifier, the space after a comma (but in a custom property or a value with `var()`), and
 * in the values of CSS's own properties a number's leading zero and colours of paired hex
 * digits in three. Other quoted strings (`content: '✓ '`) and interpolations
 * (`${...}`) stay as they are.
 */
export const minifyCss = (sheet) =>
  sheet
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/(\$\{[^}]*\}|'[^']*'|"[^"]*")/)
    .map((part, i, all) => (i % 2 ? bareValue(part, all[i - 1], all[i + 1]) : part.replace(/\s+/g, ' ').replace(/ ?([{};>~]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}').replace(DECLARATION, shorterValue).replace(COMMA, (all, kept) => kept ?? ',')))
    .join('');

/**
 * Lit `html` templates (nested ones in their `${...}` too) with each run of whitespace that
 * holds a line break as one space, as HTML draws it (no template here holds a `<pre>` or
 * text in `white-space: pre`), and the quotes of a static attribute value that needs none
 * (`part="flow"`; not `part="a b"`, nor one before a `/`). The code around them is read for its
 * strings, comments, regular expressions and templates, and copied as it is; the result is
 * checked to differ from the source in whitespace and double quotes alone.
 */
export function collapseTemplates(source) {
  const { text } = code(source, 0, false);
  const bare = (x) => x.replace(/[\s"]+/g, '');
  if (bare(text) !== bare(source)) throw new Error('collapseTemplates changed more than whitespace and quotes');
  return text;
}

/** A static attribute value of letters, digits and dashes, quoted, ending before a space or the tag's end. */
const QUOTED_ATTRIBUTE = /(\s[a-z][\w-]*)="([\w-]+)"(?=[\s>])/g;

/** Where a `/` starts a regular expression, not a division: after these, or at the start. */
const BEFORE_REGEX = /(^|[(,=:[!&|?{};+\-*%<>~^]|\b(return|typeof|case|void|delete|throw|in|of))\s*$/;

/** Code from index `i` to the end or (`inner`) through the brace closing an interpolation: its text, and the index after it. */
function code(s, i, inner) {
  let out = '';
  let depth = 0;
  while (i < s.length) {
    const c = s[i];
    let end = -1;
    if (c === '`') {
      const t = template(s, i + 1, /\bhtml ?$/.test(out.slice(-5)));
      out += '`' + t.text;
      i = t.end;
      continue;
    }
    if (c === "'" || c === '"') end = closing(s, i + 1, c);
    else if (s.startsWith('//', i)) end = s.includes('\n', i) ? s.indexOf('\n', i) : s.length;
    else if (s.startsWith('/*', i)) end = s.indexOf('*/', i + 2) + 2;
    else if (c === '/' && BEFORE_REGEX.test(out.slice(-12))) end = regexEnd(s, i + 1);
    if (end > i) {
      out += s.slice(i, end);
      i = end;
      continue;
    }
    out += c;
    i++;
    if (c === '{') depth++;
    else if (c === '}' && inner && depth-- === 0) return { text: out, end: i };
  }
  if (inner) throw new Error('collapseTemplates: an interpolation without its end');
  return { text: out, end: i };
}

/** The index after a string's closing quote `q`, from index `i` inside it. */
function closing(s, i, q) {
  while (i < s.length && s[i] !== q) i += s[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The index after a regular expression's flags, from index `i` inside it (a `/` in a class does not end it). */
function regexEnd(s, i) {
  for (let inClass = false; i < s.length && (inClass || s[i] !== '/'); i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '[') inClass = true;
    else if (s[i] === ']') inClass = false;
  }
  for (i++; /[a-z]/.test(s[i] ?? ''); ) i++;
  return i;
}

/** A template from index `i` (after its backtick) through its closing one: its text, and the index after it. */
function template(s, i, html) {
  let out = '';
  let text = '';
  const flush = () => ((out += html ? text.replace(/\s*\n\s*/g, ' ').replace(QUOTED_ATTRIBUTE, '$1=$2') : text), (text = ''));
  while (s[i] !== '`') {
    if (i >= s.length) throw new Error('collapseTemplates: a template without its end');
    if (s[i] === '\\') (text += s.slice(i, i + 2)), (i += 2);
    else if (s.startsWith('${', i)) {
      flush();
      const e = code(s, i + 2, true);
      out += '${' + e.text;
      i = e.end;
    } else text += s[i++];
  }
  flush();
  return { text: out + '`', end: i + 1 };
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
