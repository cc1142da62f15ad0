// The elements of custom-elements.json, in the shape the generators use (scripts/generate.mjs):
// each element's tag, class, public module, settable properties, attributes, events, parts
// and CSS properties. New elements are covered by running `npm run manifest` again.
import { existsSync, readFileSync } from 'node:fs';

/** Every custom element in the manifest, sorted by tag. */
export function manifestElements(file = 'custom-elements.json') {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const elements = [];
  for (const mod of manifest.modules)
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      // An element is declared in src/components/NAME/NAME.ts and registered by src/components/NAME.ts.
      const entry = mod.path.replace(/\/[^/]+\.ts$/, '.ts');
      if (!existsSync(entry)) throw new Error(`${d.tagName}: no module ${entry} registers it`);
      const fields = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && m.privacy !== 'private' && m.privacy !== 'protected');
      elements.push({
        tag: d.tagName,
        className: d.name,
        summary: d.summary ?? '',
        description: d.description ?? '',
        declaredIn: mod.path,
        entry,
        /** `components/trend.js`: the specifier after `ir-monitor/`. */
        specifier: entry.replace(/^src\//, '').replace(/\.ts$/, '.js'),
        properties: fields.map((m) => ({ name: m.name, type: m.type?.text ?? 'unknown', description: m.description ?? '', attribute: m.attribute, default: m.default })),
        readonly: (d.members ?? []).filter((m) => m.kind === 'field' && m.readonly && !m.static && !m.privacy).map((m) => ({ name: m.name, type: m.type?.text ?? 'unknown', description: m.description ?? '' })),
        methods: (d.members ?? []).filter((m) => m.kind === 'method' && !m.static && !m.privacy).map((m) => ({ name: m.name, description: m.description ?? '', parameters: m.parameters ?? [], return: m.return?.type?.text })),
        attributes: (d.attributes ?? []).map((a) => ({ name: a.name, type: a.type?.text ?? 'string', description: a.description ?? '', field: a.fieldName, default: a.default })),
        events: (d.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '' })),
        slots: d.slots ?? [],
        parts: d.cssParts ?? [],
        cssProperties: d.cssProperties ?? [],
      });
    }
  return elements.sort((a, b) => (a.tag < b.tag ? -1 : 1));
}

/** `ir-alarm-command` → `onIrAlarmCommand`: a React callback prop. */
export const callbackName = (event) => `on${event.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())}`;

/** A JSDoc comment, indented. */
export function jsdoc(text, indent = '') {
  const lines = text.trim().split('\n');
  if (!text.trim()) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0].replaceAll('*/', '*\\/')} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l.replaceAll('*/', '*\\/')}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/** The string literals of a union type (`'dark' | 'light'`), for completion lists. */
export const literals = (type) => [...type.matchAll(/'([^']*)'/g)].map((m) => m[1]);

export const GENERATED = 'Generated from custom-elements.json by scripts/generate.mjs (`npm run manifest`): do not edit.';
