import { expect } from '@esm-bundle/chai';
import { labelOf, naming, readLabels, relabel } from '../../src/models/channel-label.js';

const nerve = { label: 'Nerve TC', labels: { fr: 'TC nerf' } };

describe('channel labels', () => {
  it('reads the entry of the language, by its primary subtag, and `label` in English and in a language without an entry', () => {
    expect(labelOf(nerve, 'fr')).to.equal('TC nerf');
    expect(labelOf(nerve, 'fr-CA'), 'a regional tag reads its language').to.equal('TC nerf');
    expect(labelOf(nerve, 'FR'), 'tags are case-insensitive').to.equal('TC nerf');
    expect(labelOf(nerve, 'en')).to.equal('Nerve TC');
    expect(labelOf(nerve, 'de')).to.equal('Nerve TC');
    expect(labelOf({ label: 'Probe' }, 'fr'), 'no labels at all').to.equal('Probe');
    expect(labelOf({ label: 'Probe', labels: { fr: '' } }, 'fr'), 'an empty entry is no name').to.equal('Probe');
    expect(labelOf({ label: 'Probe', labels: { fr: 42 } as never }, 'fr'), 'a value that is no string, never shown').to.equal('Probe');
    expect(labelOf({ label: 'Probe' }, 'constructor'), 'nothing inherited is read as a label').to.equal('Probe');
  });

  it('names a derived channel and builds a message in each language from the labels', () => {
    expect(relabel(nerve, (l) => `${l} 2`)).to.deep.equal({ label: 'Nerve TC 2', labels: { fr: 'TC nerf 2' } });
    expect(relabel({ label: 'Tip' }, (l) => `${l} max`)).to.deep.equal({ label: 'Tip max' });
    expect(naming(nerve, { en: (l) => `${l}: no data`, fr: (l) => `${l} : pas de données` })).to.deep.equal({ en: 'Nerve TC: no data', fr: 'TC nerf : pas de données' });
  });

  it('keeps the entries it can read and names each one it refuses', () => {
    expect(readLabels(undefined)).to.deep.equal({ refused: [] });
    expect(readLabels({ fr: 'TC nerf', de: 'NervenTE' })).to.deep.equal({ labels: { fr: 'TC nerf', de: 'NervenTE' }, refused: [] });
    expect(readLabels({ fr: 42, es: 'TC nervio', 'fr-CA': 'TC nerf' })).to.deep.equal({
      labels: { es: 'TC nervio' },
      refused: ['labels.fr is a number, not a string', "labels key 'fr-CA' is no primary language subtag (two or three lower-case letters: 'fr')"],
    });
    expect(readLabels({ fr: null }).refused).to.deep.equal(['labels.fr is null, not a string']);
    expect(readLabels('TC nerf')).to.deep.equal({ refused: ['labels is a string, not an object of strings by language'] });
    expect(readLabels(['TC nerf']).refused).to.deep.equal(['labels is an array, not an object of strings by language']);
    expect(readLabels(JSON.parse('{"__proto__": "x"}')).refused, 'a key from the wire never reaches a prototype').to.have.length(1);
  });
});
