// src/vue.ts: Vue 3 template types for every element, read by vue-tsc and Volar. Each tag is a
// global component whose `$props` are the element's properties (with Vue's HTML attributes)
// and whose `$emit` lists its events: the shape Vue's guide gives for custom elements not
// built with Vue ("Non-Vue Web Components and TypeScript").
import { GENERATED, jsdoc } from './manifest-elements.mjs';

export function vueModule(elements) {
  const imports = elements.map((e) => `import type { ${e.className} } from './${e.specifier}';`).join('\n');
  const events = elements
    .map((e) => {
      const lines = e.events.map((ev) => `${jsdoc(ev.description, '  ')}  '${ev.name}': IrEvent<'${ev.name}'>;`);
      return `${jsdoc(`The events of \`<${e.tag}>\`.`)}export interface ${e.className}Events {\n${lines.join('\n')}\n}`;
    })
    .join('\n\n');
  const components = elements.map((e) => {
    const props = e.properties.map((p) => `'${p.name}'`).join(' | ') || 'never';
    return `${jsdoc(e.summary || e.description.split('\n')[0], '  ')}  '${e.tag}': IrVueElement<${e.className}, ${props}, ${e.className}Events>;`;
  });
  return `// ${GENERATED}
// Vue 3 template types for the elements (\`import type {} from 'ir-monitor/vue'\` once, or list it
// in tsconfig "types"): vue-tsc and Volar check each property's type and each event's listener,
// and with \`vueCompilerOptions.strictTemplates\` reject unknown properties. Types only: this
// module has no runtime code; tell Vue the \`ir-\` tags are custom elements (\`isCustomElement\`).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${imports}

/**
 * The event a listener receives: the library's class for it where HTMLElementEventMap lists one
 * (as in \`ir-monitor/jsx\`, declared again so that a Vue project loads no React types).
 */
export type IrEvent<N extends string> = N extends keyof HTMLElementEventMap ? HTMLElementEventMap[N] : Event;

/** An element as Vue's template type-checker reads a component: its properties and its events. */
export type IrVueElement<E extends HTMLElement, P extends keyof E, Events extends object> = new () => E & {
  /** @deprecated For template type-checking only: the element has no \`$props\`. */
  $props: HTMLAttributes & Partial<Pick<E, P>> & PublicProps;
  /** @deprecated For template type-checking only: the element has no \`$emit\`. */
  $emit: EmitFn<{ [N in keyof Events]: (event: Events[N]) => void }>;
};

${events}

/** The elements of this library as Vue's global components. */
export interface IrGlobalComponents {
${components.join('\n')}
}

declare module 'vue' {
  interface GlobalComponents extends IrGlobalComponents {}
}
`;
}
