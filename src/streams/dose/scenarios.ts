import type { ChannelDescriptor } from '../../models/channel.js';
import { DOSE_CHANNEL_IDS as D, Y90_CHANNEL_IDS as Y, doseChannels, y90Channels } from '../../models/dose/channels.js';
import { decayed, type Y90Plan } from '../../models/dose/y90.js';
import type { RoomInput } from '../room/room.js';
import type { Script } from '../play-script.js';

const MIN = 60_000;
const H = 3_600_000;

/** A simulated dose or radioembolisation procedure, a sample a second, from `t0`. */
export interface DoseScript extends Script<RoomInput> {
  readonly label: { en: string; fr: string };
  readonly channels: ChannelDescriptor[];
  /** For a radioembolisation: the plan its engine is configured with. */
  readonly plan?: Y90Plan;
}

/** A script sampling `values(ms)` on `ids` every second from `t0`, in a unit per channel. */
function sampled(t0: number, durationMs: number, values: (ms: number) => Record<string, number | undefined>): Script<RoomInput> {
  return {
    durationMs,
    between(fromMs, toMs) {
      const out: RoomInput[] = [];
      for (let ms = Math.ceil(fromMs / 1000) * 1000; ms < toMs && ms <= durationMs; ms += 1000)
        for (const [channel, v] of Object.entries(values(ms))) if (v !== undefined) out.push({ channel, t: Float64Array.of(t0 + ms), v: Float32Array.of(v) });
      return out;
    },
  };
}

/**
 * A long embolisation of a hypervascular tumour, 75 minutes: in each five-minute
 * block, three minutes of fluoroscopy at 40 mGy/min (abdominal skin dose rates
 * are 10–45 mGy/min; Aroua et al., Eur Radiol 2007) and two digital subtraction
 * runs of 0.12 Gy (0.36 Gy a block). Ka,r crosses 3 Gy at 43:00, 4 Gy at 56:00
 * and the substantial level, 5 Gy, at 69:30. KAP follows at 110 Gy·cm² per Gy
 * (a 10 x 11 cm field at the reference point); the peak skin dose is estimated
 * at 0.58 x Ka,r, so it crosses its 3 Gy level with the run at 73:30.
 */
export function longEmbolisation(t0: number): DoseScript {
  const FLUORO_GY_PER_MIN = 0.04;
  const RUN_GY = 0.12;
  const karAt = (ms: number) => {
    const m = ms / MIN;
    const blocks = Math.floor(m / 5);
    const inBlock = m - blocks * 5;
    const fluoroMin = blocks * 3 + Math.min(inBlock, 3);
    const runs = blocks * 2 + (inBlock >= 3.5 ? 1 : 0) + (inBlock >= 4.5 ? 1 : 0);
    return { kar: fluoroMin * FLUORO_GY_PER_MIN + runs * RUN_GY, fluoroS: fluoroMin * 60 };
  };
  const script = sampled(t0, 75 * MIN, (ms) => {
    const { kar, fluoroS } = karAt(ms);
    return { [D.kar]: kar, [D.kap]: kar * 110, [D.fluoroTime]: fluoroS, [D.psd]: kar * 0.58 };
  });
  return { ...script, label: { en: 'Long embolisation (75 min)', fr: 'Embolisation longue (75 min)' }, channels: doseChannels() };
}

/**
 * A resin Y-90 radioembolisation with stasis part-way. The vial was assayed 2.2 h
 * before the treatment (the median delay of Hoang et al., JVIR), so the 1.60 GBq
 * prescribed is what it holds at 10 min. Aliquots are pushed from 10 min; flow
 * slows as the vascular bed saturates and stops at 78 % (stasis, 24 min); the
 * physician stops at 27 min; the residual in the vial and set, measured at 35 min,
 * is 24 % of what was there: a delivered activity 24 % below the prescription.
 */
export function resinStasis(t0: number): DoseScript {
  const treatmentAt = t0 + 10 * MIN;
  const plan: Y90Plan = { product: 'resin', prescribedGBq: 1.6, vialGBq: 0, calibratedAt: treatmentAt - 2.2 * H, lsf: 0.08 };
  plan.vialGBq = 1.6 / decayed(1, plan.calibratedAt, treatmentAt);
  const injectedAt = (ms: number) => {
    const m = ms / MIN;
    if (m < 10) return 0;
    // Aliquots every 40 s, each delivered in 25 s, smaller as the bed saturates.
    const k = (m - 10) * 60;
    const aliquots = Math.floor(k / 40) + Math.min(1, (k % 40) / 25);
    return Math.min(78, 100 * (1 - Math.exp(-aliquots / 14)));
  };
  const RESIDUAL_MS = 35 * MIN;
  const script = sampled(t0, 40 * MIN, (ms) => ({
    [Y.injected]: ms <= 27 * MIN ? injectedAt(ms) : undefined,
    [Y.residual]: ms === RESIDUAL_MS ? 0.24 * decayed(plan.vialGBq, plan.calibratedAt, t0 + RESIDUAL_MS) : undefined,
  }));
  return { ...script, label: { en: 'Y-90 resin, stasis part-way', fr: 'Y-90 résine, stase en cours' }, channels: y90Channels(), plan };
}

export const DOSE_SCENARIOS = { embolisation: longEmbolisation, y90: resinStasis } as const;
