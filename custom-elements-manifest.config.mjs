export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/define.ts'],
  outdir: '.',
  litelement: true,
};
