// src/jsx.ts: JSX types for every element, for React 19's intrinsic elements.
import { GENERATED, jsdoc } from './manifest-elements.mjs';

export function jsxModule(elements) {
  const imports = elements.map((e) => `import type { ${e.className} } from './${e.specifier}';`).join('\n');
  const props = elements
    .map((e) => {
      const members = e.properties.map((p) => `${jsdoc(p.description, '  ')}  ${p.name}?: ${e.className}['${p.name}'];`);
      const events = e.events.map((ev) => `${jsdoc(ev.description, '  ')}  'on${ev.name}'?: (event: IrEvent<'${ev.name}'>) => void;`);
      return `${jsdoc(`Properties and event listeners of \`<${e.tag}>\`.`)}export interface ${e.className}Props {\n${[...members, ...events].join('\n')}\n}`;
    })
    .join('\n\n');
  return `// ${GENERATED}
// JSX types for the elements in React 19 (\`import type {} from 'ir-monitor/jsx'\` once, or list it in
// tsconfig "types"). Types only: this module has no runtime code. React 19 sets a prop as a
// property when the element is already defined when it first renders, so import the elements
// (\`import 'ir-monitor'\`) before the first render; or use the wrappers of \`ir-monitor/react\`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports}

/** The element tags this library defines. */
export type IrTag = ${elements.map((e) => `'${e.tag}'`).join(' | ')};

/** The event a listener receives: the library's class for it where HTMLElementEventMap lists one. */
export type IrEvent<N extends string> = N extends keyof HTMLElementEventMap ? HTMLElementEventMap[N] : Event;

${props}

/** What JSX accepts on an element: its properties and events, and React's HTML attributes. */
export type IrElementProps<E extends HTMLElement, P> = P & Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> & { class?: string };

/** The JSX intrinsic elements of this library. */
export interface IrIntrinsicElements {
${elements.map((e) => `  '${e.tag}': IrElementProps<${e.className}, ${e.className}Props>;`).join('\n')}
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends IrIntrinsicElements {}
  }
}
`;
}
