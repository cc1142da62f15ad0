// The bundle's templates without their indentation, and its style sheets without what the
// browser ignores (scripts/bundle.mjs). Of templates, only the text of
// `html` templates changes, nested ones included; code, strings and other templates stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collapseTemplates, minifyCss } from '../../scripts/bundle.mjs';

test('an html template\'s line breaks and indentation become one space, in nested templates too', () => {
  const source = [
    'const view = html `<ul part="list">',
    '      ${items.map((i) => html `<li>',
    '        ${i.name}',
    '      </li>`)}',
    '    </ul>`;',
  ].join('\n');
  assert.equal(collapseTemplates(source), 'const view = html `<ul part=list> ${items.map((i) => html `<li> ${i.name} </li>`)} </ul>`;');
});

test("an html template's static attribute values lose quotes they do not need, and keep the others", () => {
  const source = 'html `<p part="a-1" class="a b" title="x.y" role="status"><input value="v"/><i aria-hidden="true">"q"</i><b data-x="${x}" id="p${n}"></b></p>`;';
  assert.equal(collapseTemplates(source), 'html `<p part=a-1 class="a b" title="x.y" role=status><input value="v"/><i aria-hidden=true>"q"</i><b data-x="${x}" id="p${n}"></b></p>`;');
});

test('code, strings and plain templates keep their whitespace; a space that holds no line break stays', () => {
  const source = [
    'const a = `line one',
    '  line two`;',
    "const b = html `<b> ${'}\\n  `'} ${`x`}</b>` + \"html `\";",
    'const c = html ` <small>(${w})</small>`;',
  ].join('\n');
  assert.equal(collapseTemplates(source), source, 'nothing here holds a line break inside an html template');
  assert.equal(collapseTemplates('f(html `<p>\n  ${`a\n  b`}\n</p>`);'), 'f(html `<p> ${`a\n  b`} </p>`);');
});

test('a misread is refused, never bundled', () => {
  assert.throws(() => collapseTemplates('x = html `<p>${a'), /without its end/);
});

test('every module of the package reads the same after it, but for whitespace and quotes', () => {
  const files = readdirSync('src', { recursive: true }).filter((f) => f.endsWith('.ts'));
  const changed = [];
  for (const f of files) {
    const source = readFileSync(join('src', f), 'utf8');
    const out = collapseTemplates(source);
    assert.equal(out.replace(/[\s"]+/g, ''), source.replace(/[\s"]+/g, ''), f);
    if (out !== source) changed.push(f);
  }
  for (const f of ['components/trend/trend.ts', 'components/alarm-log/alarm-log.ts']) assert.ok(changed.includes(f), `${f}'s templates collapsed (${changed.join(', ')})`);
});

test('a style sheet loses what the browser ignores: layout, and in values of CSS\'s own properties a leading zero and a colour\'s paired digits, and an attribute selector\'s identifier its quotes, a comma its space; custom properties, values with var(), strings and interpolations stay as written', () => {
  const sheet = [
    ':host {',
    '  --_text: var(--ir-color-text, #ffffff);',
    '  --_grid: var(--ir-color-grid, #2a3440);',
    '  gap: 0.25rem 10.5rem;',
    '  margin: -0.5em;',
    '  outline: 0.5px solid var(--_frame, #ffffff);',
    '  transition: opacity 0.2s, color 0.1s;',
    "  content: '#ffffff 0.5';",
    '}',
    '#aabbcc { color: #AABBCC; }',
    '.x { width: ${w}; background: #aabbccdd; }',
    ":host([alarm='hi']) [part=\"catching-up\"] ~ *, [data-x='1a'], [title='a b'] { content: '=' }",
  ].join('\n');
  assert.equal(
    minifyCss(sheet),
    ":host{--_text:var(--ir-color-text, #ffffff);--_grid:var(--ir-color-grid, #2a3440);gap:.25rem 10.5rem;margin:-.5em;outline:0.5px solid var(--_frame, #ffffff);transition:opacity .2s,color .1s;content:'#ffffff 0.5'}#aabbcc{color:#ABC}.x{width:${w};background:#aabbccdd}:host([alarm=hi]) [part=catching-up]~*,[data-x='1a'],[title='a b']{content:'='}",
  );
});
