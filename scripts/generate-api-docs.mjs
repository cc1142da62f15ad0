// docs/api/: one page per element (attributes, properties with their types expanded to
// every field, events with their detail, methods, slots, parts, CSS properties) and an index.
import { readFileSync, readdirSync } from 'node:fs';
import { GENERATED } from './manifest-elements.mjs';
import { expand, typeDeclarations } from './type-source.mjs';

const cell = (s) => (s ?? '').replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');
const code = (s) => (s ? `\`${cell(s)}\`` : '');
const table = (head, rows) => (rows.length ? `| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n` : 'None.\n');

/** Event name → the class of its event, from the `HTMLElementEventMap` entries in src/components/*.ts. */
function eventClasses() {
  const map = new Map();
  for (const f of readdirSync('src/components').filter((f) => f.endsWith('.ts')))
    for (const m of readFileSync(`src/components/${f}`, 'utf8').matchAll(/'(ir-[\w-]+)':\s*(?:import\([^)]*\)\.)?(\w+);/g)) map.set(m[1], m[2]);
  return map;
}

export function apiPages(elements) {
  const { types, classes } = typeDeclarations();
  const events = eventClasses();
  const detailOf = (name) => /<(.+)>$/.exec(classes.get(events.get(name))?.extends ?? '')?.[1];
  const pages = {};
  for (const e of elements) {
    const mentioned = [...e.properties, ...e.readonly].map((p) => p.type).concat(e.events.map((ev) => detailOf(ev.name) ?? ''), e.methods.map((m) => [m.return ?? '', ...m.parameters.map((p) => p.type?.text ?? '')].join(' ')));
    const expanded = expand(mentioned.join(' '), types);
    const page = `<!-- ${GENERATED} -->
# \`<${e.tag}>\`

${e.summary}

${e.description}

\`\`\`js
import 'ir-monitor/${e.specifier}'; // registers <${e.tag}> (class ${e.className})
\`\`\`

## Attributes

${table(['attribute', 'property', 'type', 'default', 'description'], e.attributes.map((a) => [code(a.name), code(a.field), code(a.type), code(a.default), cell(a.description)]))}
## Properties

Set from script (\`el.${e.properties[0]?.name ?? 'x'} = ...\`); those with an attribute can also be set in HTML.

${table(['property', 'type', 'attribute', 'default', 'description'], e.properties.map((p) => [code(p.name), code(p.type), code(p.attribute), code(p.default), cell(p.description)]))}
${e.readonly.length ? `### Read-only\n\n${table(['property', 'type', 'description'], e.readonly.map((p) => [code(p.name), code(p.type), cell(p.description)]))}\n` : ''}${e.methods.length ? `## Methods\n\n${table(['method', 'returns', 'description'], e.methods.map((m) => [code(`${m.name}(${m.parameters.map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ')})`), code(m.return), cell(m.description)]))}\n` : ''}## Events

Each bubbles and is composed (it crosses shadow roots); \`detail\` is typed. In React with
\`ir-monitor/react\` the callback prop is \`on\` + the name in camel case (\`onIrTechnical\`).

${table(['event', 'class', 'detail', 'description'], e.events.map((ev) => [code(ev.name), code(events.get(ev.name)), code(detailOf(ev.name)), cell(ev.description)]))}
## Slots

${table(['slot', 'description'], e.slots.map((s) => [code(s.name || '(default)'), cell(s.description)]))}
## CSS parts

${table(['part', 'description'], e.parts.map((p) => [code(p.name), cell(p.description)]))}
## CSS custom properties

${table(['property', 'description'], e.cssProperties.map((p) => [code(p.name), cell(p.description)]))}
## Types

Every type named above, with its fields (from the sources in \`src/\`).

${expanded.map((name) => `### \`${name}\`\n\n\`\`\`ts\n${types.get(name).text.trim()}\n\`\`\`\n`).join('\n')}`;
    pages[`${e.tag}.md`] = `${page.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
  }
  pages['README.md'] = `<!-- ${GENERATED} -->
# API reference

One page per element, generated from \`custom-elements.json\`: attributes, properties with
their types expanded to every field, events and their detail, parts and CSS properties.

${table(['element', 'class', 'module', 'what it is'], elements.map((e) => [`[\`<${e.tag}>\`](${e.tag}.md)`, code(e.className), code(`ir-monitor/${e.specifier}`), cell(e.summary)]))}`;
  return pages;
}
