// The import map for pages with no bundler that load the library as separate files from a
// plain static server: every bare specifier the modules import, mapped under `base` (where
// the server exposes node_modules). RxJS 7's ES build imports its own files without `.js`,
// which a plain server cannot serve, so `rxjs` maps to the package's one-file copy of it,
// `dist/vendor/rxjs.js` (scripts/bundle.mjs). `npm run build` writes the map for
// `/node_modules/` to `dist/import-map.json`.
import { writeFileSync } from 'node:fs';

/** The import map, with node_modules served at `base`. */
export function importMap(base = '/node_modules/') {
  const at = (path) => base + path;
  return {
    imports: {
      'ir-monitor': at('ir-monitor/dist/index.js'),
      'ir-monitor/models': at('ir-monitor/dist/models/index.js'),
      'ir-monitor/streams': at('ir-monitor/dist/streams/index.js'),
      'ir-monitor/components/': at('ir-monitor/dist/components/'),
      lit: at('lit/index.js'),
      'lit/': at('lit/'),
      'lit-html': at('lit-html/lit-html.js'),
      'lit-html/': at('lit-html/'),
      'lit-element/': at('lit-element/'),
      '@lit/reactive-element': at('@lit/reactive-element/reactive-element.js'),
      '@lit/reactive-element/': at('@lit/reactive-element/'),
      '@lit/context': at('@lit/context/index.js'),
      rxjs: at('ir-monitor/dist/vendor/rxjs.js'),
      uplot: at('uplot/dist/uPlot.esm.js'),
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync('dist/import-map.json', `${JSON.stringify(importMap(), null, 2)}\n`);
