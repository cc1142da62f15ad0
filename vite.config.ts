import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultClientConditions, defineConfig } from 'vite';

// The training demo: served by `npm start`, built as a static site by `npm run build`.
// Every demo/*.html is a page (the index links to each procedure's page).
const pages = Object.fromEntries(
  readdirSync('demo')
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f.slice(0, -5), resolve('demo', f)]),
);

export default defineConfig({
  root: 'demo',
  server: { open: false },
  // The demo imports the package by name, as a user would (`ir-monitor/sim`, ...); the
  // repository-only `ir-monitor-source` export condition (package.json) points those names at
  // src/*.ts, so the demo runs with no build step and follows edits to src/ live.
  resolve: { conditions: ['ir-monitor-source', ...defaultClientConditions] },
  build: { outDir: '../dist/demo', emptyOutDir: true, rollupOptions: { input: pages } },
});
