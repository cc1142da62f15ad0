/**
 * The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))`, naming them
 * after the argument ('x', 'item'). Events are documented with `@event` in JSDoc: keep those.
 */
const documentedEventsOnly = () => ({
  name: 'documented-events-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules)
      for (const d of mod.declarations ?? []) if (d.events) d.events = d.events.filter((e) => e.name && e.description);
  },
});

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [documentedEventsOnly()],
};
