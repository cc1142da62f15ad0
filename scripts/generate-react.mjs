// src/react.ts: a React component per element through @lit/react, with typed props (the
// element's properties) and event callbacks (`onIrTechnical` for `ir-technical`).
import { GENERATED, callbackName, jsdoc } from './manifest-elements.mjs';

export function reactModule(elements) {
  const imports = elements.map((e) => `import { ${e.className} as ${e.className}Element } from './${e.specifier}';`).join('\n');
  const components = elements
    .map((e) => {
      const events = e.events.map((ev) => `    ${callbackName(ev.name)}: '${ev.name}' as EventName<IrEvent<'${ev.name}'>>,`).join('\n');
      return `${jsdoc(`\`<${e.tag}>\` as a React component. ${e.summary || e.description.split('\n')[0]}`)}export const ${e.className} = createComponent({
  tagName: '${e.tag}',
  elementClass: ${e.className}Element,
  react: React,
  events: {
${events}
  },
});`;
    })
    .join('\n\n');
  return `// ${GENERATED}
// React components for the elements (\`import { IrTrend } from 'ir-monitor/react'\`), made with
// @lit/react: every prop is set as a property, before or after the element upgrades (importing
// this module registers the elements), and each event has a callback prop. Needs react and
// @lit/react (optional peer dependencies of this package).
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { IrEvent } from './jsx.js';
${imports}

${components}
`;
}
