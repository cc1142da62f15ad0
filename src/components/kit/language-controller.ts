import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChannelDescriptor } from '../../models/channel.js';
import { labelOf, type Labelled } from '../../models/channel-label.js';
import { readingOf } from '../../models/channel-reading.js';
import { MAX_TIME_MS } from '../../models/validate.js';

/** The languages the panels speak; anything else falls back to English. */
export type Language = 'en' | 'fr';

/** A message table: the same keys in every language. */
export type Messages<T> = Record<Language, T>;

// One observer for the page (and each shadow root on a panel's path) re-resolves every panel when a `lang` changes.
const controllers = new Set<LanguageController<unknown>>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;
const observe = (root: Node) => {
  if (observedRoots.has(root)) return;
  observedRoots.add(root);
  observer ??= new MutationObserver(() => controllers.forEach((c) => c.resolve()));
  observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
};

/** An event dispatched to learn an unconnected element's ancestors (it bubbles to none of them). */
const PATH_PROBE = 'ir-language-path';

const languageOf = (locale: string): Language => (locale.toLowerCase().startsWith('fr') ? 'fr' : 'en');

/** Intl throws on a time no date can hold: a time from bad data shows empty, never throws. */
const formatDate = (f: Intl.DateTimeFormat, t: number) => (Math.abs(t) <= MAX_TIME_MS ? f.format(t) : '');

// Intl formatters are costly to build: one per locale and options for the page.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as T;
}

/**
 * The element's language, resolved as the browser does (its own `lang`, else the
 * nearest ancestor's), but through the composed tree, so a console built with
 * shadow DOM is honoured; re-resolved whenever a `lang` on the path changes.
 * Gives the element's messages and cached `Intl` formatters for that language.
 */
export class LanguageController<T> implements ReactiveController {
  private resolved = { locale: 'en', language: 'en' as Language };
  private connected = false;
  private unconnected?: string;

  /**
   * The resolved BCP 47 tag, as given (`fr-CA`), for `Intl`. Unconnected (rendered on the
   * server, where no element is ever connected), the first `lang` on the element's event path.
   */
  get locale(): string {
    return this.connected ? this.resolved.locale : (this.unconnected ??= this.pathLocale());
  }

  /** The language of the messages. */
  get language(): Language {
    return this.connected ? this.resolved.language : languageOf(this.locale);
  }

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly messages: Messages<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.unconnected = undefined;
    controllers.add(this);
    this.resolve();
  }

  hostDisconnected(): void {
    this.connected = false;
    controllers.delete(this);
  }

  /** The messages in the element's language. */
  get t(): T {
    return this.messages[this.language];
  }

  /**
   * The element's own `lang`, else its ancestors': on the server, Lit's DOM shim knows them
   * only as the path of an event (the elements being rendered around this one).
   */
  private pathLocale(): string {
    let path: EventTarget[] = [this.host];
    const probe = (e: Event) => (path = e.composedPath());
    this.host.addEventListener(PATH_PROBE, probe);
    this.host.dispatchEvent(new Event(PATH_PROBE, { composed: true }));
    this.host.removeEventListener(PATH_PROBE, probe);
    for (const t of path) {
      const lang = (t as Partial<Element>).getAttribute?.('lang');
      if (lang) return lang;
    }
    return 'en';
  }

  resolve(): void {
    let locale = '';
    // Walk to the top, so every root on the path is observed, whichever `lang` applies now.
    for (let el: Element | null = this.host; el; ) {
      locale ||= el.getAttribute('lang') ?? '';
      if (el.parentElement) el = el.parentElement;
      else {
        const root = el.getRootNode();
        observe(root);
        el = root instanceof ShadowRoot ? root.host : null;
      }
    }
    locale ||= navigator.language || 'en';
    const language = languageOf(locale);
    if (locale === this.resolved.locale && language === this.resolved.language) return;
    this.resolved = { locale, language };
    this.host.requestUpdate();
  }

  /** A number with a fixed count of decimals; a value that rounds to zero has no sign ("0.00", never "-0.00"). */
  number(v: number, decimals = 1): string {
    return cached(`${this.locale}|n${decimals}`, () => new Intl.NumberFormat(this.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'negative' })).format(v);
  }

  /** A value of a channel, at the channel's precision; a code by its state's name, a count with what it counts. */
  value(v: number, c: ChannelDescriptor): string {
    if (c.states || c.count) return readingOf(v, c, this.language, (x, d) => this.number(x, d));
    return this.number(v, c.decimals ?? 1);
  }

  /** A duration in whole seconds, narrow (`12 s`). */
  seconds(s: number): string {
    return cached(`${this.locale}|s`, () => new Intl.NumberFormat(this.locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow', maximumFractionDigits: 0 })).format(s);
  }

  /** A length of time in words, whole minutes as minutes (`2 min`), else seconds (`90 s`; `90 sec` in English). */
  duration(ms: number): string {
    const minutes = ms >= 60_000 && ms % 60_000 === 0;
    const unit = minutes ? 'minute' : 'second';
    return cached(`${this.locale}|${unit}`, () => new Intl.NumberFormat(this.locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })).format(ms / (minutes ? 60_000 : 1000));
  }

  /** A duration as a clock, `m:ss` (`h:mm:ss` from an hour), whole seconds elapsed; `--:--` for none. */
  clock(ms: number): string {
    if (!Number.isFinite(ms) || ms < 0) return '--:--';
    const s = Math.floor(ms / 1000);
    const two = (n: number) => String(n).padStart(2, '0');
    return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
  }

  /** A date and clock time, short (`23/11/2026 14:03:27`). */
  dateTime(epochMs: number): string {
    return formatDate(cached(`${this.locale}|dt`, () => new Intl.DateTimeFormat(this.locale, { dateStyle: 'short', timeStyle: 'medium' })), epochMs);
  }

  /** A channel's (a site's, a structure's) name in the element's language: its `labels` entry, else its `label`. */
  label(x: Labelled): string {
    return labelOf(x, this.locale);
  }

  /** Text given in both languages, or as one string. */
  text(t: string | Messages<string>): string {
    return typeof t === 'string' ? t : t[this.language];
  }

  /** A time of day for an axis tick: hours and minutes, with seconds when ticks are closer than a minute; 24 h or 12 h as the locale writes it. */
  tick(epochMs: number, seconds: boolean): string {
    return formatDate(cached(`${this.locale}|tick${seconds ? 's' : ''}`, () => new Intl.DateTimeFormat(this.locale, { hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) })), epochMs);
  }

  /** uPlot's `values` for a value axis: ticks in this language, with as many decimals as the tick step needs. */
  readonly valueTicks = (_u: unknown, splits: number[], _axis: number, _space: number, step: number): string[] =>
    splits.map((v) => this.number(v, Math.max(0, -Math.floor(Math.log10(step) + 1e-9))));

  /** A clock time (`14:03:27`). */
  time(epochMs: number): string {
    return formatDate(cached(`${this.locale}|t`, () => new Intl.DateTimeFormat(this.locale, { timeStyle: 'medium' })), epochMs);
  }
}
