import { FUNDAMENTAL_HZ, HARMONIC_GAINS, burst, type BurstPriority } from '../../models/audio-burst.js';

/** Silence between two queued bursts. */
const BURST_GAP_S = 0.5;

/** Ramp time that keeps pulse edges from clicking. */
const EDGE_S = 0.01;

/** Schedules one burst on any audio context (live or offline), from `at` seconds. */
export function scheduleBurst(ctx: BaseAudioContext, priority: BurstPriority, at: number, volume = 0.2): void {
  const out = ctx.createGain();
  out.gain.value = volume / HARMONIC_GAINS.reduce((a, b) => a + b, 0);
  out.connect(ctx.destination);
  for (const { startMs, durationMs } of burst(priority)) {
    const start = at + startMs / 1000;
    const end = start + durationMs / 1000;
    const env = ctx.createGain();
    env.gain.setValueAtTime(0, start);
    env.gain.linearRampToValueAtTime(1, start + EDGE_S);
    env.gain.setValueAtTime(1, end - EDGE_S);
    env.gain.linearRampToValueAtTime(0, end);
    env.connect(out);
    HARMONIC_GAINS.forEach((g, k) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = FUNDAMENTAL_HZ[priority] * (k + 1);
      const h = ctx.createGain();
      h.gain.value = g;
      osc.connect(h).connect(env);
      osc.start(start);
      osc.stop(end);
    });
  }
}

/**
 * Opt-in alarm audio. Browsers block sound until a user gesture, so `enable()`
 * must be called from one (a click on the banner's 'enable sound' button).
 */
export class AlarmSound {
  private ctx?: AudioContext;
  /** Audio-context time the last burst scheduled ends: bursts queue, never overlap. */
  private busyUntil = 0;

  get enabled(): boolean {
    return this.ctx?.state === 'running';
  }

  async enable(): Promise<boolean> {
    this.ctx ??= new AudioContext();
    await this.ctx.resume();
    return this.enabled;
  }

  /** Plays one burst, after the one sounding if any, so two alarms' bursts stay distinct. */
  play(priority: BurstPriority): void {
    if (!this.ctx || !this.enabled) return;
    const at = Math.max(this.ctx.currentTime + 0.05, this.busyUntil + BURST_GAP_S);
    scheduleBurst(this.ctx, priority, at);
    const last = burst(priority).at(-1)!;
    this.busyUntil = at + (last.startMs + last.durationMs) / 1000;
  }

  async close(): Promise<void> {
    await this.ctx?.close();
    this.ctx = undefined;
    this.busyUntil = 0;
  }
}
