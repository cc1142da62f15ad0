/**
 * Registers an element once, with the elements it declares it nests
 * (`static dependencies`). A console page that loads two bundles of this
 * library must not crash: a second definition is skipped, with a warning when
 * it comes from a different class.
 */
export function define(name: string, ctor: CustomElementConstructor & { dependencies?: Record<string, CustomElementConstructor> }): void {
  for (const [dep, depCtor] of Object.entries(ctor.dependencies ?? {})) define(dep, depCtor);
  const existing = customElements.get(name);
  if (!existing) customElements.define(name, ctor);
  else if (existing !== ctor) console.warn(`ir-monitor: <${name}> is already defined by another copy of the library; keeping the first.`);
}
