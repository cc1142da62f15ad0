// The stepped JSON parser (src/models/sliced-json.ts) fuzzed against the native one: for any
// text, parsed with any budgets, it builds exactly what JSON.parse builds and refuses exactly
// what JSON.parse refuses; parseWireLineInSteps answers as parseWireLine does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SlicedJson } from '../../dist/models/sliced-json.js';
import { encodeWireLine, parseWireLine, parseWireLineInSteps } from '../../dist/models/wire.js';

/** Runs of each property. */
const RUNS = 1000;

/** Parses `text` in steps of the budgets given, in turn. */
function sliced(text, budgets = [1 << 16]) {
  const p = new SlicedJson(text);
  for (let k = 0; !p.step(budgets[k % budgets.length]); k++);
  return p;
}

const native = (text) => {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: e.message };
  }
};

/** Same verdict as JSON.parse; the same value, own keys in the same order, when it parses. */
function agrees(text, budgets) {
  const p = sliced(text, budgets);
  const n = native(text);
  if (n.error !== undefined) {
    assert.notEqual(p.error, undefined, `accepted what JSON.parse refuses (${n.error}): ${JSON.stringify(text)}`);
    assert.match(p.error, /at position \d+/);
    return;
  }
  assert.equal(p.error, undefined, `refused what JSON.parse accepts: ${JSON.stringify(text)}`);
  // deepStrictEqual tells -0 from 0 and compares prototypes; key order is checked apart.
  assert.deepStrictEqual(p.value, n.value);
  assert.equal(JSON.stringify(p.value), JSON.stringify(n.value));
}

const budgets = fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 8 });
/** Lone surrogates and the characters JSON treats specially, among any others. */
const awkward = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0000', '\u001f', '\u007f', '\u00a0', '\u2028', '\ufeff', '"', '\\', '/', '😀'),
);
const values = fc.oneof(
  fc.jsonValue(),
  fc.jsonValue({ stringUnit: 'binary' }),
  fc.jsonValue({ stringUnit: fc.oneof(awkward, fc.string()) }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', '0', '1', 'a', '__proto__ '), fc.jsonValue(), { maxKeys: 4 }),
);
/** JSON texts: compact, indented with spaces, tabs or CR LF. */
const texts = fc.tuple(values, fc.constantFrom(undefined, 1, '\t', '\r\n  ')).map(([v, indent]) => (indent === '\r\n  ' ? JSON.stringify(v, null, 1).replace(/\n/g, '\r\n ') : JSON.stringify(v, null, indent)));
/** Number tokens by the JSON grammar, and near it. */
const numberToken = fc
  .tuple(fc.constantFrom('', '-', '+'), fc.constantFrom('0', '00', '1', '12', '9007199254740993', '179769313486231570'), fc.constantFrom('', '.', '.5', '.0001', '.123456789012345678901'), fc.constantFrom('', 'e', 'E', 'e+', 'e-', 'e308', 'E-324', 'e+400', 'e-400', 'e0'))
  .map((parts) => parts.join(''));

test(`builds what JSON.parse builds for any JSON value, any step budgets (${RUNS} runs)`, () => {
  fc.assert(fc.property(texts, budgets, agrees), { numRuns: RUNS });
});

test(`fc.json() texts, stepped a character at a time (${RUNS} runs)`, () => {
  fc.assert(fc.property(fc.json(), (text) => agrees(text, [1])), { numRuns: RUNS });
});

test(`numbers: the same double as JSON.parse, every token the grammar allows and none it refuses (${RUNS} runs)`, () => {
  const doubles = fc.double().filter(Number.isFinite).map(String);
  fc.assert(fc.property(fc.oneof(numberToken, doubles), budgets, (n, b) => {
    agrees(n, b);
    agrees(`[${n},${n}]`, b);
  }), { numRuns: RUNS });
  for (const n of ['1e308', '-1e308', '1e309', '-0', '-0.0', '5e-324', '2e-324', '2.2250738585072014e-308', '1.7976931348623157e308', '0.1', '-0e-0']) agrees(n, [1]);
});

test(`string literals: every escape JSON has, and near misses (${RUNS} runs)`, () => {
  const piece = fc.oneof(
    fc.constantFrom('\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u00e9', '\\uD83D\\uDE00', '\\udc00', '\\u12', '\\u12G4', '\\x', '\\v', '\\0', '\\', '"'),
    awkward,
  );
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), budgets, (parts, b) => agrees(`"${parts.join('')}"`, b)), { numRuns: RUNS });
});

test(`refuses exactly what JSON.parse refuses: arbitrary text (${RUNS} runs)`, () => {
  const jsonish = fc.string({ unit: fc.constantFrom(...'[]{}:,"\\ \t\n\r\u000b\u00a00123456789-+.eEtrufalsn/bu'), maxLength: 40 });
  fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), jsonish), budgets, agrees), { numRuns: RUNS });
});

test(`refuses exactly what JSON.parse refuses: valid JSON with characters inserted, removed or replaced (${RUNS} runs)`, () => {
  const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'remove', 'replace'), fc.oneof(awkward, fc.constantFrom(' ', '\t', '\n', '\r', '\u000b', '\f', ',', ':', '"', '\\', '[', ']', '{', '}', '-', '.', 'e', '0', '1', 'u', 'n')));
  const mutated = fc.tuple(texts, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) => {
    let s = text;
    for (const [at, kind, c] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + (kind === 'insert' ? 1 : 0));
      s = s.slice(0, i) + (kind === 'remove' ? '' : c) + s.slice(kind === 'insert' ? i : i + 1);
    }
    return s;
  });
  fc.assert(fc.property(mutated, budgets, agrees), { numRuns: RUNS });
});

test('__proto__ becomes an own data property, as with JSON.parse, never the prototype', () => {
  const text = '{"__proto__":{"polluted":1},"a":{"__proto__":null,"__proto__":[1]}}';
  const o = sliced(text, [3]).value;
  assert.equal(Object.getPrototypeOf(o), Object.prototype);
  assert.ok(Object.hasOwn(o, '__proto__'));
  assert.equal(o.polluted, undefined);
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(o.a, '__proto__'), { value: [1], writable: true, enumerable: true, configurable: true });
  assert.deepStrictEqual(o, JSON.parse(text));
});

test('deep nesting and long runs: arrays and objects 5000 deep, a 1 MB string of escapes, 100 000 numbers', () => {
  const deep = '['.repeat(5000) + '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}' + ']'.repeat(5000);
  const p = sliced(deep, [7]);
  assert.equal(p.error, undefined);
  let depth = 0;
  for (let x = p.value; Array.isArray(x) || (x && typeof x === 'object'); x = Array.isArray(x) ? x[0] : x.a) depth++;
  assert.equal(depth, 10_001);
  assert.match(sliced('['.repeat(5000) + ']'.repeat(4999), [7]).error, /end of JSON input at position 9999/);
  const escaped = JSON.stringify('é"\\\n\u0001😀\ud800'.repeat(100_000));
  assert.equal(sliced(escaped, [1000]).value, JSON.parse(escaped));
  const numbers = JSON.stringify(Array.from({ length: 100_000 }, (_, i) => (i % 2 ? -i / 7 : i * 1e300)));
  assert.deepStrictEqual(sliced(numbers, [999]).value, JSON.parse(numbers));
});

test('each step reads about its budget: a 1 MB line takes many steps, not one', () => {
  const line = JSON.stringify({ v: Array.from({ length: 100_000 }, (_, i) => i / 3) });
  const p = new SlicedJson(line);
  let steps = 1;
  while (!p.step(1 << 16)) steps++;
  assert.ok(steps >= Math.floor(line.length / (1 << 16)), `${steps} steps for ${line.length} characters`);
});

test(`parseWireLineInSteps answers as parseWireLine, natively or stepped (${RUNS} runs)`, () => {
  const t0 = Math.floor(Date.now() / 60_000) * 60_000;
  const valid = fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { maxLength: 30 }).map((v) => encodeWireLine({ type: 'samples', channel: 'probe', seq: 1, unit: 'Cel', t: v.map((_, i) => t0 + i), v }));
  const line = fc.oneof(valid, valid.chain((l) => fc.tuple(fc.nat(l.length), fc.constantFrom('', ' ', ']', '"', 'x', '\ufeff')).map(([i, c]) => l.slice(0, i) + c + l.slice(i + 1))), fc.constant('\ufeff').chain((b) => valid.map((l) => b + l)));
  fc.assert(
    fc.property(line, fc.integer({ min: 0, max: 64 }), (l, longLine) => {
      const steps = parseWireLineInSteps(l, longLine);
      let r = steps.next();
      while (!r.done) r = steps.next();
      const whole = parseWireLine(l);
      if (!whole.ok && whole.error.reason === 'malformed-json') {
        // The detail is each parser's own words; both give a position when they can.
        assert.equal(r.value.ok, false);
        assert.equal(r.value.error.reason, 'malformed-json');
      } else assert.deepStrictEqual(r.value, whole);
    }),
    { numRuns: RUNS },
  );
});
