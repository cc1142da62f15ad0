import { Observable, interval, asyncScheduler, type SchedulerLike } from 'rxjs';
import type { RoomInput } from '../room/room.js';
import { SIM_PRESSURE, type CementScript } from './cement-script.js';

export interface CementSimulationOptions {
  /** Data time of the script's start (epoch ms). */
  t0?: number;
  /** Data time played per real time: 10 plays ten minutes in one. */
  speed?: number;
  /** Real time between batches (ms). */
  periodMs?: number;
  /** Volume sample interval (ms of data time; 20 = 50 Hz). */
  volumeMs?: number;
  /** Pressure sample interval (ms of data time; 5 = 200 Hz). */
  pressureMs?: number;
  scheduler?: SchedulerLike;
  /** Start this far into the script (minutes): earlier events are sent at once, volumes start where they were. */
  fromMin?: number;
  /** Where a batch may be changed before it goes out (a trainer's faults). */
  tamper?: (x: RoomInput) => RoomInput | undefined;
}

const MIN = 60_000;

/** Deterministic noise in [-1, 1] from an integer (no Math.random: a replay is the same). */
const noise = (i: number) => {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
};

/** The volume delivered to `site` by time `m` (minutes): the pushes so far, each at its rate. */
export function scriptVolume(script: CementScript, site: string, m: number): number {
  let v = 0;
  for (const s of script.spans) if (s.site === site && m > s.fromMin) v += s.rateMlPerMin * (Math.min(m, s.toMin) - s.fromMin);
  return v;
}

/** The flow at minute `m` (mL/min). */
export function scriptFlow(script: CementScript, m: number): number {
  return script.spans.find((s) => m >= s.fromMin && m < s.toMin)?.rateMlPerMin ?? 0;
}

/** The last mix at or before minute `m` (NaN before any). */
const mixBefore = (script: CementScript, m: number) => script.events.reduce((last, e) => (e.kind === 'mix' && e.atMin <= m ? e.atMin : last), NaN);

/** The simulated injection pressure at minute `m` (kPa), before sensor noise. */
export function scriptPressure(script: CementScript, m: number): number {
  const mix = mixBefore(script, m);
  const p = SIM_PRESSURE;
  let drive = 0;
  for (const s of script.spans) {
    if (m < s.fromMin) continue;
    const curing = Math.exp((Math.min(m, s.toMin) - (Number.isNaN(mix) ? s.fromMin : mix)) / p.curingTauMin);
    const on = 1 - Math.exp(-((Math.min(m, s.toMin) - s.fromMin) * 60) / p.riseS);
    const off = m > s.toMin ? Math.exp(-((m - s.toMin) * 60) / p.decayS) : 1;
    drive = Math.max(drive, s.rateMlPerMin * p.perFlowKPa * curing * on * off);
  }
  return p.baseKPa + drive;
}

/**
 * Plays a script as a device would send it: each site's cumulative volume
 * (50 Hz, with ±0.01 mL plunger noise), the injection pressure (200 Hz, with
 * ±2 % noise and a 1.2 Hz hand-push ripple), and the events at their times.
 * A batch every `periodMs` of real time covers `periodMs * speed` of data time.
 */
export function cementSimulation(script: CementScript, options: CementSimulationOptions = {}): Observable<RoomInput> {
  const { t0 = Date.now(), fromMin = 0, speed = 1, periodMs = 100, volumeMs = 20, pressureMs = 5, scheduler = asyncScheduler, tamper = (x: RoomInput) => x } = options;
  const plan = script.plan;
  const span = periodMs * speed;
  const end = script.durationMin * MIN;
  return new Observable<RoomInput>((subscriber) => {
    const send = (x: RoomInput) => {
      const y = tamper(x);
      if (y) subscriber.next(y);
    };
    let k = Math.floor((fromMin * MIN) / span);
    const events = [...script.events].sort((a, b) => a.atMin - b.atMin);
    let nextEvent = 0;
    return interval(periodMs, scheduler).subscribe(() => {
      const from = k * span;
      const to = Math.min(end, (k + 1) * span);
      k++;
      if (from >= end) {
        // The console reports the procedure's end: its channels fall silent as planned.
        send({ type: 'event', channel: plan.channel, t: t0 + end, kind: 'end', text: '' });
        return subscriber.complete();
      }
      while (nextEvent < events.length && events[nextEvent].atMin * MIN < to) {
        const e = events[nextEvent++];
        send({ type: 'event', channel: plan.channel, t: t0 + e.atMin * MIN, kind: e.kind, text: e.text ?? '' });
      }
      for (const site of plan.sites) {
        const n = Math.ceil((to - from) / volumeMs);
        const t = new Float64Array(n);
        const v = new Float32Array(n);
        for (let i = 0; i < n; i++) {
          const ms = from + i * volumeMs;
          t[i] = t0 + ms;
          const vol = scriptVolume(script, site.id, ms / MIN);
          v[i] = Math.max(0, vol + (vol > 0 ? 0.01 * noise(ms / volumeMs) : 0));
        }
        send({ channel: site.channel, t, v });
      }
      const n = Math.ceil((to - from) / pressureMs);
      const t = new Float64Array(n);
      const v = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const ms = from + i * pressureMs;
        t[i] = t0 + ms;
        const p = scriptPressure(script, ms / MIN);
        v[i] = p * (1 + 0.02 * noise(ms / pressureMs + 7) + 0.04 * Math.sin((ms / 1000) * 2 * Math.PI * 1.2) * Math.min(1, (p - SIM_PRESSURE.baseKPa) / 500));
      }
      send({ channel: plan.pressureChannel, t, v });
    });
  });
}
