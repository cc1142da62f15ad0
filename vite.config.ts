import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

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
  build: { outDir: '../dist/demo', emptyOutDir: true, rollupOptions: { input: pages } },
});
