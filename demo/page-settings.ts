// What every demo page reads from its address and offers the trainer: speed, language, theme.
// `?speed=30&lang=fr&theme=light`; a change restarts the scenario, as a trainer would.

export const THEMES = ['dark', 'light', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];

export const params = new URLSearchParams(location.search);
export const lang: 'en' | 'fr' = params.get('lang') === 'fr' ? 'fr' : 'en';
export const theme: Theme = THEMES.find((t) => t === params.get('theme')) ?? 'dark';

/** The playback speed asked for, 1x to 60x. */
export const speedOr = (fallback: number): number => Math.min(60, Math.max(1, Number(params.get('speed')) || fallback));

const WORDS = {
  en: { speed: 'Speed', language: 'Language', theme: 'Theme', dark: 'Dark', light: 'Light', 'high-contrast': 'High contrast' },
  fr: { speed: 'Vitesse', language: 'Langue', theme: 'Thème', dark: 'Sombre', light: 'Clair', 'high-contrast': 'Contraste élevé' },
}[lang];

function select(id: string, label: string, options: readonly (readonly [value: string, text: string])[], value: string): HTMLLabelElement {
  const el = document.createElement('label');
  const caption = document.createElement('span');
  caption.textContent = label;
  const s = document.createElement('select');
  s.id = id;
  for (const [v, text] of options) s.append(new Option(text, v));
  s.value = value;
  el.append(caption, ' ', s);
  return el;
}

/**
 * Puts the speed, language and theme selects in `host`, applies the language
 * and theme to the page and its panels, and writes `words` into `[data-text]`.
 */
export function pageSettings(host: Element, speed: number, speeds: readonly number[], words: Record<string, unknown>): void {
  host.replaceWith(
    select('speed', WORDS.speed, speeds.map((s) => [String(s), `${s}×`]), String(speed)),
    ' ',
    select('lang', WORDS.language, [['en', 'English'], ['fr', 'Français']], lang),
    ' ',
    select('theme', WORDS.theme, THEMES.map((t) => [t, WORDS[t]]), theme),
  );
  document.documentElement.lang = lang;
  document.documentElement.dataset.theme = theme;
  for (const el of document.querySelectorAll('*')) if (el.localName.startsWith('ir-') && el.localName !== 'ir-telemetry') el.setAttribute('theme', theme);
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const w = words[el.dataset.text!];
    if (typeof w === 'string') el.textContent = w;
  }
  restartOn(['speed', 'lang', 'theme']);
}

/** Selects (by id) whose change reloads the page with `?id=value`. */
export function restartOn(ids: readonly string[]): void {
  for (const id of ids) {
    const s = document.querySelector<HTMLSelectElement>(`#${id}`)!;
    s.addEventListener('change', () => {
      params.set(id, s.value);
      location.search = params.toString();
    });
  }
}
