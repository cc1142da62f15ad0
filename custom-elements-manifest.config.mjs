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

/**
 * Private and protected members (TypeScript `private`, `protected`, `#names`) are not an element
 * user's API: leave them out, as docs/api does (a panel's author reads the kit's source).
 */
const publicMembersOnly = () => ({
  name: 'public-members-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules)
      for (const d of mod.declarations ?? [])
        if (d.members) d.members = d.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
  },
});

/**
 * The analyzer lists modules in the order its file reads finish, which varies from run to
 * run; sorted by path, the manifest is the same on every run (CI checks it is fresh).
 */
const sortedModules = () => ({
  name: 'sorted-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
});

/**
 * The manifest describes elements: modules that declare or register one. Helpers (drawing,
 * messages, the kit) are documented in their source and would only double its size.
 */
const elementModulesOnly = () => ({
  name: 'element-modules-only',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules = customElementsManifest.modules.filter(
      (m) => (m.declarations ?? []).some((d) => d.customElement) || (m.exports ?? []).some((e) => e.kind === 'custom-element-definition'),
    );
  },
});

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [documentedEventsOnly(), publicMembersOnly(), elementModulesOnly(), sortedModules()],
};
