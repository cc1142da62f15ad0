// Declarations of exported types in src/, read from the TypeScript sources, so the API
// reference can show every field of a type that custom-elements.json only names.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

/** The end of a declaration starting at `from`: its closing brace, or its `;` outside brackets. */
function declarationEnd(text, from, braced) {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if ('{([<'.includes(c)) depth++;
    else if ('})]>'.includes(c) && !(c === '>' && text[i - 1] === '=')) {
      depth--;
      if (braced && depth === 0 && c === '}') return i + 1;
    } else if (!braced && c === ';' && depth === 0) return i + 1;
  }
  return text.length;
}

/** Every exported interface and type alias in src/ (JSDoc included), and each exported class's `extends` clause, by name. */
export function typeDeclarations(root = 'src') {
  const types = new Map();
  const classes = new Map();
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export (interface|type) (\w+)/g)) {
      const start = m.index + (m[1]?.length ?? 0);
      const end = m[2] === 'interface' ? declarationEnd(text, text.indexOf('{', start), true) : declarationEnd(text, text.indexOf('=', start) + 1, false);
      if (!types.has(m[3])) types.set(m[3], { file, text: (m[1] ?? '') + text.slice(start, end) });
    }
    for (const m of text.matchAll(/export (?:abstract )?class (\w+)(?:<[^>]*>)? extends ([^{]+)\{/g)) classes.set(m[1], { file, extends: m[2].trim() });
  }
  return { types, classes };
}

const BUILTIN = new Set(['Observable', 'SchedulerLike', 'Record', 'Partial', 'Readonly', 'ReadonlyArray', 'Array', 'Map', 'Set', 'Float32Array', 'Float64Array', 'Int16Array', 'Uint8Array', 'Promise', 'HTMLElement', 'Event', 'Date', 'Omit', 'Pick', 'Exclude', 'Required', 'Extract', 'String', 'Number', 'Boolean', 'Function']);

/** The declarations a type text refers to, and the ones they refer to in turn, in order of first mention. */
export function expand(typeText, types) {
  const seen = new Set();
  const order = [];
  const visit = (text) => {
    const stripped = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'[^']*'/g, '');
    for (const [name] of stripped.matchAll(/\b[A-Z]\w*\b/g)) {
      if (seen.has(name) || BUILTIN.has(name) || !types.has(name)) continue;
      seen.add(name);
      order.push(name);
      visit(types.get(name).text);
    }
  };
  visit(typeText);
  return order;
}
