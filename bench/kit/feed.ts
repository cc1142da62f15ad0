import { Subject } from 'rxjs';
import '../../src/components/telemetry.js';
import type { IrTelemetry } from '../../src/components/telemetry.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import type { Signals } from './signals.js';

/** A page as a hospital builds it: an `ir-telemetry` fed by a source, panels inside reading its channels. */
export interface TelemetryPage {
  telemetry: IrTelemetry;
  /** What the page's source sends; `next` validates and stores synchronously. */
  source: Subject<RoomInput>;
  remove(): void;
}

/** Mounts `ir-telemetry` declaring `channels` with `panels` inside and waits until all have rendered and connected. */
export async function telemetryPage(stage: HTMLElement, channels: ChannelDescriptor[], panels: readonly HTMLElement[]): Promise<TelemetryPage> {
  const telemetry = document.createElement('ir-telemetry');
  const source = new Subject<RoomInput>();
  telemetry.channels = channels;
  telemetry.source = source;
  telemetry.append(...panels);
  stage.append(telemetry);
  await telemetry.updateComplete;
  for (const p of panels) await (p as { updateComplete?: Promise<unknown> }).updateComplete;
  return {
    telemetry,
    source,
    remove() {
      telemetry.remove();
      source.complete();
    },
  };
}

/**
 * Sends samples [from, from + count) through `source` a chunk at a time (a
 * second by default), as a live stream would have: filling a window goes
 * through the same validation and stores as live data, and never holds more
 * than a chunk of it outside them.
 */
export function feed(source: Subject<RoomInput>, signals: Signals, from: number, count: number, chunk = signals.rateHz): void {
  for (let i = from; i < from + count; i += chunk) for (const b of signals.batches(i, Math.min(chunk, from + count - i))) source.next(b);
}

/** Each frame's batches (`perFrame` samples a channel from `from` on), made before timing so the clock sees none of it. */
export function frameBatches(signals: Signals, from: number, frames: number, perFrame: number): SampleBatch[][] {
  return Array.from({ length: frames }, (_, f) => signals.batches(from + f * perFrame, perFrame));
}
