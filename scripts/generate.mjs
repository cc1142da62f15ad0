// Everything element-specific that is made from custom-elements.json: JSX types
// (src/jsx.ts), React wrappers (src/react.ts), Vue template types (src/vue.ts), editor data
// (html-custom-data.json) and the API reference (docs/api/). `npm run manifest` runs it after
// the analyzer; with `--check` it writes nothing and exits 1 when a file differs from what the
// manifest gives.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { manifestElements } from './manifest-elements.mjs';
import { jsxModule } from './generate-jsx.mjs';
import { reactModule } from './generate-react.mjs';
import { vueModule } from './generate-vue.mjs';
import { htmlCustomData } from './generate-html-data.mjs';
import { apiPages } from './generate-api-docs.mjs';

const elements = manifestElements();
const outputs = new Map([
  ['src/jsx.ts', jsxModule(elements)],
  ['src/react.ts', reactModule(elements)],
  ['src/vue.ts', vueModule(elements)],
  ['html-custom-data.json', htmlCustomData(elements)],
  ...Object.entries(apiPages(elements)).map(([name, text]) => [`docs/api/${name}`, text]),
]);

const read = (f) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return undefined;
  }
};
const apiNow = (() => {
  try {
    return readdirSync('docs/api').map((f) => `docs/api/${f}`);
  } catch {
    return [];
  }
})();

if (process.argv.includes('--check')) {
  const stale = [...outputs].filter(([f, text]) => read(f) !== text).map(([f]) => f);
  stale.push(...apiNow.filter((f) => !outputs.has(f)));
  for (const f of stale) console.error(`generate: ${f} differs from custom-elements.json (run npm run manifest)`);
  process.exit(stale.length ? 1 : 0);
}
for (const f of apiNow) if (!outputs.has(f)) rmSync(f);
mkdirSync('docs/api', { recursive: true });
for (const [f, text] of outputs) writeFileSync(f, text);
console.log(`generate: ${outputs.size} files for ${elements.length} elements`);
