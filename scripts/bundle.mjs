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
 * lit, rxjs (its ES2015 build), uplot (140.7 kB gzipped today). Raised from 130 kB as the leak alarms, flash phase,
 * layered trend and the alarm log's languages landed, and to 141 kB for the freezing model's well
 * index (0.9 kB: a probe's ice no longer depends on where the grid falls); a jump beyond it is a
 * dependency pulled in by mistake.
 */
export const BUNDLE_BUDGET = { minified: 410_000, gzip: 141_000 };
export const BUNDLE = 'dist/ir-monitor.bundle.js';

/** tsc's decorator helper, written into every module with decorators (eleven copies). */
const DECORATE = /^var __decorate = \(this && this\.__decorate\) \|\| (function \(decorators, target, key, desc\) \{\n[\s\S]*?\n\});\n/m;

/** One copy of the helper in the bundle: each module imports it instead of carrying its own (3 kB minified). */
const oneDecorateHelper = {
  name: 'one-decorate-helper',
  setup(b) {
    let helper = '';
    b.onResolve({ filter: /^ir-monitor:decorate$/ }, () => ({ path: 'decorate', namespace: 'helper' }));
    b.onLoad({ filter: /.*/, namespace: 'helper' }, () => ({ contents: `export const __decorate = ${helper};`, loader: 'js' }));
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, ({ path }) => {
      // The package's own modules only (tsc's output), not the dependencies' dist folders.
      if (path.includes('node_modules')) return undefined;
      const source = readFileSync(path, 'utf8');
      const found = source.match(DECORATE);
      if (!found) return undefined;
      helper = found[1];
      return { contents: `import { __decorate } from 'ir-monitor:decorate';\n${source.replace(DECORATE, '')}`, loader: 'js', resolveDir: dirname(path) };
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
    plugins: [oneDecorateHelper],
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
