import { svg, nothing, type TemplateResult } from 'lit';
import type { ElectrodeLayout } from '../../models/pulses/layout.js';
import type { PairState } from '../../models/pulses/ledger.js';

/**
 * The needles as placed, and each pair as a line between them, styled by its
 * state: done solid and thick, under way solid, pending thin and dashed,
 * failed dashed in the limit colour with a cross at its middle (shape as well
 * as colour). The selected pair is outlined. Each line is a button.
 */
export function electrodeMap(layout: ElectrodeLayout, states: ReadonlyMap<string, PairState>, selected: string | undefined, label: (pair: string) => string, select: (pair: string) => void): TemplateResult {
  const xs = layout.needles.map((n) => n.x);
  const ys = layout.needles.map((n) => n.y);
  const pad = 5;
  const x0 = Math.min(...xs) - pad;
  const y0 = Math.min(...ys) - pad;
  const w = Math.max(...xs) - x0 + pad;
  const h = Math.max(...ys) - y0 + pad;
  const at = new Map(layout.needles.map((n) => [n.id, n]));
  const key = (pair: string) => (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), select(pair));
  // y grows upwards on images across the needles; SVG's grows downwards.
  return svg`<svg part="map" viewBox="${x0} ${-(y0 + h)} ${w} ${h}" role="group">
    ${layout.pairs.map((p) => {
      const a = at.get(p.a)!;
      const b = at.get(p.b)!;
      const state = states.get(p.id) ?? 'pending';
      const mx = (a.x + b.x) / 2;
      const my = -(a.y + b.y) / 2;
      return svg`<g class="pair ${state} ${p.id === selected ? 'selected' : ''}" role="button" tabindex="0" aria-label="${label(p.id)}" aria-pressed="${p.id === selected}"
          @click=${() => select(p.id)} @keydown=${key(p.id)}>
        <line class="hit" x1="${a.x}" y1="${-a.y}" x2="${b.x}" y2="${-b.y}"></line>
        <line class="link" x1="${a.x}" y1="${-a.y}" x2="${b.x}" y2="${-b.y}"></line>
        ${state === 'failed' ? svg`<path class="cross" d="M${mx - 1.2} ${my - 1.2}L${mx + 1.2} ${my + 1.2}M${mx + 1.2} ${my - 1.2}L${mx - 1.2} ${my + 1.2}"></path>` : nothing}
      </g>`;
    })}
    ${layout.needles.map((n) => svg`<g class="needle"><circle cx="${n.x}" cy="${-n.y}" r="1.6"></circle><text x="${n.x}" y="${-n.y}" dy="0.55">${n.id}</text></g>`)}
  </svg>`;
}
