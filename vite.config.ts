import { defineConfig } from 'vite';

// The training demo: served by `npm start`, built as a static site by `npm run build`.
export default defineConfig({
  root: 'demo',
  server: { open: false },
  build: { outDir: '../dist/demo', emptyOutDir: true },
});
