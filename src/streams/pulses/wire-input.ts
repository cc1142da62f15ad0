import { Observable } from 'rxjs';
import { decodeBinaryFrame, encodeBinaryFrame, encodeWireLine, parseWireLine } from '../../models/wire.js';
import type { PulseRefusal } from '../../models/pulses/ledger.js';
import type { GridFrame, WaveformFrame } from '../../models/channel.js';
import type { UnitBatch } from '../../models/events.js';
import type { RoomInput } from '../room/room.js';

/** One message on the wire: an NDJSON text (one or more lines) or a binary frame. */
export type WireChunk = string | ArrayBuffer;

/**
 * Encodes what a source hands a room as a gateway sends it: samples and
 * events as NDJSON lines, waveforms and grids as binary frames, each channel
 * with its own sequence number. `units` gives each channel's unit for sample lines.
 */
export function wireEncoder(units: (channel: string) => string): (x: RoomInput) => WireChunk {
  const seqs = new Map<string, number>();
  const seq = (channel: string) => {
    const n = seqs.get(channel) ?? 0;
    seqs.set(channel, n + 1);
    return n;
  };
  return (x) => {
    if ('type' in x && x.type === 'event') return encodeWireLine({ ...x, seq: seq(x.channel) });
    if ('kind' in x && (x.kind === 'waveform' || x.kind === 'grid')) return encodeBinaryFrame({ ...(x as WaveformFrame | GridFrame), seq: seq(x.channel) });
    const b = x as UnitBatch;
    return encodeWireLine({ type: 'samples', channel: b.channel, seq: seq(b.channel), unit: b.unit ?? units(b.channel), t: b.t, v: b.v });
  };
}

/**
 * Decodes wire chunks into what a room takes, with the library's public
 * decoders (`parseWireLine`, `decodeBinaryFrame`). Each chunk is one message
 * (whole lines, as over a WebSocket). A binary frame whose length disagrees
 * with the count its header announces is refused whole, named by its channel,
 * through `refused`; so is any line or frame that does not parse. Nothing else is lost.
 */
export function wireInput(chunks: Observable<WireChunk>, refused: (r: PulseRefusal) => void): Observable<RoomInput> {
  return new Observable<RoomInput>((sub) =>
    chunks.subscribe({
      next: (c) => {
        if (typeof c === 'string') {
          for (const line of c.split('\n')) {
            if (!line.trim()) continue;
            const r = parseWireLine(line);
            if (!r.ok) refused({ reason: 'bad-record', channel: r.error.channel ?? '', t: NaN, detail: `${r.error.reason}: ${r.error.detail}` });
            else if (r.value.type !== 'command' && r.value.type !== 'hello') sub.next(r.value.type === 'samples' ? { channel: r.value.channel, t: r.value.t, v: r.value.v, unit: r.value.unit } : r.value);
          }
          return;
        }
        const f = decodeBinaryFrame(c);
        if (f.ok) return sub.next(f.value);
        // The decoder checks the length against the count the header announces, naming the channel once read.
        const { reason, detail, channel = '' } = f.error;
        const length = reason === 'truncated' || detail.startsWith('count:');
        return refused({ reason: length ? 'length-mismatch' : 'bad-record', channel, t: NaN, detail: `frame on ${channel || 'an unreadable channel'}: ${reason}: ${detail}` });
      },
      error: (e) => sub.error(e),
      complete: () => sub.complete(),
    }),
  );
}
