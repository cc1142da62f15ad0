/**
 * A channel's (or a site's, a sensor's, a structure's) name in other languages, by BCP 47 primary
 * language subtag, lower case: `{ fr: 'TC nerf' }`. A language without an entry reads `label`.
 */
export type Labels = Partial<Record<string, string>>;

/** Something people read the name of: `label` in any language, or its entry in `labels`. */
export interface Labelled {
  label: string;
  labels?: Labels;
}

/** A key of `labels`: a primary language subtag (ISO 639, two or three letters, RFC 5646 §2.2.1). */
const LANGUAGE = /^[a-z]{2,3}$/;

/** The name to show in `lang` (a BCP 47 tag: `fr`, `fr-CA`): its entry in `labels`, else `label`. */
export function labelOf(x: Labelled, lang: string): string {
  const key = lang.split('-')[0].toLowerCase();
  const own = x.labels && Object.hasOwn(x.labels, key) ? x.labels[key] : undefined;
  return typeof own === 'string' && own !== '' ? own : x.label;
}

/** Only `x`'s name (`label` and `labels`), to spread into a descriptor named as `x` is. */
export const nameOf = (x: Labelled): Labelled => (x.labels ? { label: x.label, labels: x.labels } : { label: x.label });

/** A name made from `x`'s in every language it has one (a structure's "Bile duct" gives "Bile duct max"). */
export function relabel(x: Labelled, name: (label: string) => string): Labelled {
  if (!x.labels) return { label: name(x.label) };
  const labels: Labels = {};
  for (const [lang, label] of Object.entries(x.labels)) if (typeof label === 'string') labels[lang] = name(label);
  return { label: name(x.label), labels };
}

/** A message in the panels' two languages, each naming `x` by its label in that language. */
export function naming(x: Labelled, words: { en: (label: string) => string; fr: (label: string) => string }): { en: string; fr: string } {
  return { en: words.en(labelOf(x, 'en')), fr: words.fr(labelOf(x, 'fr')) };
}

/**
 * A `labels` from outside (a descriptor set by a page, or off the wire) as it can be read: the
 * entries kept, and what was refused (a value that is no string, a key that is no language),
 * each in words. Absent stays absent; what is not an object is refused whole.
 */
export function readLabels(given: unknown): { labels?: Labels; refused: string[] } {
  if (given === undefined) return { refused: [] };
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return { refused: [`labels is ${Array.isArray(given) ? 'an array' : given === null ? 'null' : `a ${typeof given}`}, not an object of strings by language`] };
  const labels: Labels = {};
  const refused: string[] = [];
  for (const [lang, label] of Object.entries(given)) {
    if (!LANGUAGE.test(lang)) refused.push(`labels key '${lang}' is no primary language subtag (two or three lower-case letters: 'fr')`);
    else if (typeof label !== 'string') refused.push(`labels.${lang} is ${label === null ? 'null' : `a ${typeof label}`}, not a string`);
    else labels[lang] = label;
  }
  return { labels, refused };
}
