import type { WaveformFrame } from '../../models/channel.js';
import { waveformChannel } from '../../models/pulses/channels.js';
import type { Scenario, SimulatedPulse } from './scenario.js';
import { seededRandom } from '../../models/seeded-random.js';

/** Roughly normal noise, mean 0, sd 1 (sum of uniforms). */
const gauss = (r: () => number) => r() + r() + r() + r() - 2;

/**
 * The voltage and current a generator's probes would record for one pulse at
 * `sampleRateHz`: a rise of ~1 µs with a small ringing overshoot, a plateau
 * that droops ~4 % as the capacitor bank discharges, a fall of ~1 µs, noise of
 * 0.3 % (voltage) and 1 % (current). Current is V over a resistance that
 * falls ~5 % within the pulse as membranes are permeabilised (Dunki-Jacobs et
 * al. 2014). Shapes are estimates of a square-wave generator's output.
 */
export function pulseWaveforms(s: Scenario, p: SimulatedPulse, sampleRateHz = s.sampleRateHz): { v: WaveformFrame; i: WaveformFrame } {
  const width = s.protocol.pulseWidthUs;
  const on = p.cutUs ?? width;
  const n = Math.round(((s.preUs + width + s.postUs) * sampleRateHz) / 1e6);
  const v = new Float32Array(n);
  const i = new Float32Array(n);
  const rnd = seededRandom(Math.round(p.t * 7) ^ (p.index * 7919));
  const dtUs = 1e6 / sampleRateHz;
  for (let k = 0; k < n; k++) {
    const us = k * dtUs - s.preUs;
    let volts = 0;
    if (us >= 0 && us < on) volts = p.setV * (1 - Math.exp(-us / 0.8)) * Math.exp(-(0.04 * us) / width) * (1 + 0.03 * Math.exp(-us / 2) * Math.sin(us * 2.1));
    else if (us >= on) volts = p.setV * Math.exp(-(0.04 * on) / width) * Math.exp(-(us - on) / 0.8);
    const ohm = p.ohm * (1 - (0.05 * Math.min(Math.max(us, 0), width)) / width);
    v[k] = volts + gauss(rnd) * 0.003 * p.setV;
    i[k] = volts / ohm + gauss(rnd) * 0.01 * (p.setV / p.ohm);
  }
  const t0 = p.t - s.preUs / 1000;
  return {
    v: { kind: 'waveform', channel: waveformChannel('V', p.pair.id), t0, sampleRateHz, data: v },
    i: { kind: 'waveform', channel: waveformChannel('I', p.pair.id), t0, sampleRateHz, data: i },
  };
}
