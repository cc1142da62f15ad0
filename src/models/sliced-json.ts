// What the parser expects next.
const VALUE = 0;
/** After a value: ',', a close, or (at the top) the end. */
const AFTER = 1;
/** A property name, or '}' when the object is still empty. */
const KEY = 2;
const COLON = 3;
const STRING = 4;
const NUMBER = 5;
const DONE = 6;
const FAILED = 7;

// Where a number token is in the JSON grammar: after '-', after a leading 0, in the integer
// digits, after '.', in the fraction, after 'e', after the exponent's sign, in the exponent.
const N_MINUS = 0;
const N_ZERO = 1;
const N_INT = 2;
const N_DOT = 3;
const N_FRAC = 4;
const N_E = 5;
const N_ESIGN = 6;
const N_EXP = 7;
/** States in which a number may end. */
const N_ENDS = [false, true, true, false, true, false, false, true];

/** 1e0 to 1e22, each exact as a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

const ESCAPES: Record<number, string> = { 34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };

const LITERALS = [['true', true], ['false', false], ['null', null]] as const;

type Container = unknown[] | Record<string, unknown>;

/** A hexadecimal digit's value, or -1. */
function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * `JSON.parse` a step at a time, so a 50 MB line never holds the thread for long: each
 * `step(budget)` reads about `budget` characters, then returns, its place kept on an explicit
 * stack (inside an array, an object, a string or a number token alike). It builds what
 * `JSON.parse` builds and refuses what it refuses, with the position of the fault.
 */
export class SlicedJson {
  private pos = 0;
  private mode = VALUE;
  /** Right after '[' or '{' (the only places it is set): a close may come instead of a value or a name. */
  private closeOk = false;
  private readonly stack: Container[] = [];
  /** For each object on the stack, its property being read. */
  private readonly keys: string[] = [];
  /** The string being read: its text up to `from`, whether it is a property name. */
  private acc = '';
  private from = 0;
  private isKey = false;
  private numState = N_MINUS;
  private root: unknown;
  private problem = '';

  constructor(private readonly text: string) {}

  /** The parsed value, once `step` returned true without an error. */
  get value(): unknown {
    return this.root;
  }

  /** Why the text is not JSON, once `step` returned true; undefined when it is. */
  get error(): string | undefined {
    return this.mode === FAILED ? this.problem : undefined;
  }

  /** Reads about `budget` more characters; true when finished, parsed or refused. */
  step(budget: number): boolean {
    const s = this.text;
    const end = s.length;
    const limit = Math.min(end, this.pos + Math.max(1, budget));
    let i = this.pos;
    while (i < limit && this.mode < DONE) {
      const c = s.charCodeAt(i);
      switch (this.mode) {
        case VALUE:
          if (isSpace(c)) i++;
          else if (c === 34) {
            this.startString(i + 1, false);
            i++;
          } else if (c === 45 || (c >= 48 && c <= 57)) {
            this.from = i;
            this.numState = c === 45 ? N_MINUS : c === 48 ? N_ZERO : N_INT;
            this.mode = NUMBER;
            i++;
          } else if (c === 91 || c === 123) {
            this.open(c === 91 ? [] : {});
            i++;
          } else if (c === 93 && this.closeOk) i = this.close(i);
          else i = this.literal(i);
          break;
        case NUMBER:
          i = this.number(i, limit);
          break;
        case STRING:
          i = this.string(i, limit);
          break;
        case AFTER: {
          if (isSpace(c)) {
            i++;
            break;
          }
          const top = this.top();
          if (top === undefined) this.fail(i, 'the end');
          else if (c === 44) {
            this.mode = Array.isArray(top) ? VALUE : KEY;
            this.closeOk = false;
            i++;
          } else if (c === (Array.isArray(top) ? 93 : 125)) i = this.close(i);
          else this.fail(i, Array.isArray(top) ? "',' or ']'" : "',' or '}'");
          break;
        }
        case KEY:
          if (isSpace(c)) i++;
          else if (c === 34) {
            this.startString(i + 1, true);
            i++;
          } else if (c === 125 && this.closeOk) i = this.close(i);
          else this.fail(i, this.closeOk ? "a property name or '}'" : 'a property name');
          break;
        case COLON:
          if (isSpace(c)) i++;
          else if (c === 58) {
            this.mode = VALUE;
            this.closeOk = false;
            i++;
          } else this.fail(i, "':'");
          break;
      }
    }
    this.pos = i;
    if (i >= end && this.mode < DONE) this.atEnd(end);
    return this.mode >= DONE;
  }

  private top(): Container | undefined {
    return this.stack[this.stack.length - 1];
  }

  private open(c: Container): void {
    this.stack.push(c);
    if (!Array.isArray(c)) this.keys.push('');
    this.mode = Array.isArray(c) ? VALUE : KEY;
    this.closeOk = true;
  }

  private close(i: number): number {
    const c = this.stack.pop()!;
    if (!Array.isArray(c)) this.keys.pop();
    this.put(c);
    return i + 1;
  }

  /** A complete value, into the container being read (or as the result). */
  private put(v: unknown): void {
    this.mode = AFTER;
    const top = this.top();
    if (top === undefined) this.root = v;
    else if (Array.isArray(top)) top.push(v);
    else {
      const k = this.keys[this.keys.length - 1];
      // As JSON.parse: an own property named __proto__, not the object's prototype.
      if (k === '__proto__') Object.defineProperty(top, k, { value: v, writable: true, enumerable: true, configurable: true });
      else top[k] = v;
    }
  }

  private startString(from: number, isKey: boolean): void {
    this.mode = STRING;
    this.acc = '';
    this.from = from;
    this.isKey = isKey;
  }

  /** Reads a string's characters from `i` up to `limit`; an escape is read whole. */
  private string(i: number, limit: number): number {
    const s = this.text;
    while (i < limit) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        const text = this.acc + s.slice(this.from, i);
        this.acc = '';
        if (this.isKey) {
          this.keys[this.keys.length - 1] = text;
          this.mode = COLON;
        } else this.put(text);
        return i + 1;
      }
      if (c === 92) {
        this.acc += s.slice(this.from, i);
        const e = s.charCodeAt(i + 1);
        if (e === 117) {
          let u = 0;
          for (let k = 2; k < 6; k++) {
            const h = hex(s.charCodeAt(i + k));
            if (h < 0) {
              this.fail(i + k, 'a hexadecimal digit');
              return i + k;
            }
            u = u * 16 + h;
          }
          this.acc += String.fromCharCode(u);
          i += 6;
        } else if (ESCAPES[e] !== undefined) {
          this.acc += ESCAPES[e];
          i += 2;
        } else {
          this.fail(i + 1, 'an escape');
          return i + 1;
        }
        this.from = i;
      } else if (c < 32) {
        this.fail(i, 'a character, not a control character');
        return i;
      } else i++;
    }
    return i;
  }

  /** Reads a number token's characters from `i` up to `limit`, checking the JSON grammar. */
  private number(i: number, limit: number): number {
    const s = this.text;
    let st = this.numState;
    for (; i < limit; i++) {
      const c = s.charCodeAt(i);
      const digit = c >= 48 && c <= 57;
      if (digit) {
        if (st === N_ZERO) break;
        if (st === N_MINUS) st = c === 48 ? N_ZERO : N_INT;
        else if (st === N_DOT) st = N_FRAC;
        else if (st === N_E || st === N_ESIGN) st = N_EXP;
      } else if (c === 46 && (st === N_ZERO || st === N_INT)) st = N_DOT;
      else if ((c === 101 || c === 69) && (st === N_ZERO || st === N_INT || st === N_FRAC)) st = N_E;
      else if ((c === 43 || c === 45) && st === N_E) st = N_ESIGN;
      else break;
    }
    this.numState = st;
    if (i < limit) this.endNumber(i);
    return i;
  }

  /** The number token ends before `i`: a value if the grammar allows it to end there. */
  private endNumber(i: number): void {
    if (N_ENDS[this.numState]) this.put(this.numberValue(this.from, i));
    else this.fail(i, 'a digit');
  }

  /**
   * The value of a valid number token: by Clinger's fast path when it is exact (digits that
   * make an integer below 2^53, scaled by a power of ten up to 1e22: one correctly rounded
   * operation on exact operands), as `Number` otherwise, which rounds as `JSON.parse` does.
   * The fast path makes no string for the token: most of a long array's parse.
   */
  private numberValue(from: number, to: number): number {
    const s = this.text;
    let i = from;
    const negative = s.charCodeAt(i) === 45;
    if (negative) i++;
    let m = 0;
    let scale = 0;
    let c = 0;
    for (; i < to && (c = s.charCodeAt(i)) !== 46 && (c | 32) !== 101; i++) m = m * 10 + c - 48;
    if (c === 46) for (i++; i < to && ((c = s.charCodeAt(i)) | 32) !== 101; i++, scale++) m = m * 10 + c - 48;
    if (i < to) {
      const sign = s.charCodeAt(++i) === 45 ? -1 : 1;
      if (sign < 0 || s.charCodeAt(i) === 43) i++;
      let e = 0;
      for (; i < to && e < 1000; i++) e = e * 10 + s.charCodeAt(i) - 48;
      scale -= sign * e;
    }
    if (m >= 2 ** 53 || scale > 22 || scale < -22) return Number(s.slice(from, to));
    const v = scale >= 0 ? m / POW10[scale] : m * POW10[-scale];
    return negative ? -v : v;
  }

  /** true, false or null at `i`. */
  private literal(i: number): number {
    for (const [word, v] of LITERALS)
      if (this.text.startsWith(word, i)) {
        this.put(v);
        return i + word.length;
      }
    const c = this.text.charCodeAt(i);
    // A letter that starts a word but not the rest of it: said where the word goes wrong.
    const word = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : '';
    let at = i;
    while (word && at - i < word.length && this.text.charCodeAt(at) === word.charCodeAt(at - i)) at++;
    this.fail(at, word ? `'${word}'` : 'a value');
    return at;
  }

  /** The text ended: only a number token or a finished top-level value may end there. */
  private atEnd(end: number): void {
    if (this.mode === NUMBER) this.endNumber(end);
    if (this.mode === AFTER && this.stack.length === 0) this.mode = DONE;
    else if (this.mode !== FAILED) this.fail(end, '');
  }

  private fail(at: number, expected: string): void {
    const found = at < this.text.length ? `Unexpected ${JSON.stringify(this.text[at])}` : 'Unexpected end of JSON input';
    this.problem = `${found} at position ${at}${expected ? `, expected ${expected}` : ''}`;
    this.mode = FAILED;
    this.acc = '';
  }
}
