import type { BundleEntry } from '../streams/nats/samples-bundle.js';

/** One channel's open bucket and the points closed since the last `take`. */
interface Track {
  seq: number;
  bucket: number;
  minT: number;
  minV: number;
  maxT: number;
  maxV: number;
  /** The last sample added. */
  lastT: number;
  lastV: number;
  t: number[];
  v: number[];
}

/**
 * What a late joiner's chart needs of the samples published so far: per channel, the
 * minimum and the maximum of each `stepMs` of data time, at the times they occurred (a
 * step holding one sample keeps it as it is, so a channel sampled every `stepMs` or slower
 * comes through exactly). A 10-minute chart is about 600 ms a pixel: 100 ms steps draw the same picture,
 * spikes included, from a fiftieth of the samples of a 1 kHz channel.
 */
export class SampleOverview {
  private readonly tracks = new Map<string, Track>();

  constructor(readonly stepMs: number) {}

  /** Adds a batch published under `seq` (times increasing: the room validated them). */
  add(channel: string, seq: number, t: ArrayLike<number>, v: ArrayLike<number>): void {
    let k = this.tracks.get(channel);
    if (!k) this.tracks.set(channel, (k = { seq, bucket: NaN, minT: NaN, minV: NaN, maxT: NaN, maxV: NaN, lastT: NaN, lastV: NaN, t: [], v: [] }));
    k.seq = seq;
    for (let i = 0; i < t.length; i++) {
      const b = Math.floor(t[i] / this.stepMs);
      if (b !== k.bucket) {
        close(k);
        k.bucket = b;
        k.minT = k.maxT = t[i];
        k.minV = k.maxV = v[i];
      } else if (v[i] < k.minV) (k.minV = v[i]), (k.minT = t[i]);
      else if (v[i] > k.maxV) (k.maxV = v[i]), (k.maxT = t[i]);
    }
    if (t.length) (k.lastT = t[t.length - 1]), (k.lastV = v[t.length - 1]);
  }

  /**
   * The overview since the last call, one entry per channel that had samples, each
   * numbered with the last batch it covers and ending with the last sample it covers (so a
   * reader knows where every sample starts); the open steps are closed (a step cut in two
   * gives two pairs, which draw the same).
   */
  take(): BundleEntry[] {
    const entries: BundleEntry[] = [];
    for (const [channel, k] of this.tracks) {
      close(k);
      k.bucket = NaN;
      if (k.t.length && k.t[k.t.length - 1] < k.lastT) k.t.push(k.lastT), k.v.push(k.lastV);
      if (k.t.length) entries.push({ channel, seq: k.seq, t: Float64Array.from(k.t), v: Float32Array.from(k.v) });
      k.t = [];
      k.v = [];
    }
    return entries;
  }
}

/** The open step's extremes as points, in the order they occurred (one when they are the same sample). */
function close(k: Track): void {
  if (Number.isNaN(k.bucket)) return;
  const minFirst = k.minT <= k.maxT;
  k.t.push(minFirst ? k.minT : k.maxT);
  k.v.push(minFirst ? k.minV : k.maxV);
  if (k.minT !== k.maxT) k.t.push(minFirst ? k.maxT : k.minT), k.v.push(minFirst ? k.maxV : k.minV);
}
