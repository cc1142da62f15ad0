/**
 * The header of a binary waveform frame (docs/wire-format.md), read without
 * decoding its data, to check that its length agrees with the count it
 * announces and to name a frame that is refused. Never throws.
 */
export interface FrameHeader {
  kind: number;
  seq: number;
  channel: string;
  /** Float32 values announced. */
  count: number;
  /** Bytes the frame should have for that count. */
  expectedBytes: number;
}

export function readFrameHeader(buf: ArrayBuffer): FrameHeader | undefined {
  if (buf.byteLength < 11) return undefined;
  const dv = new DataView(buf);
  const kind = dv.getUint8(4);
  const nameLen = dv.getUint16(9, true);
  const fields = kind === 1 ? 16 : kind === 2 ? 48 : -1;
  if (fields < 0) return undefined;
  const countAt = 11 + nameLen + fields;
  if (buf.byteLength < countAt + 4) return undefined;
  const channel = new TextDecoder().decode(new Uint8Array(buf, 11, nameLen));
  const count = dv.getUint32(countAt, true);
  return { kind, seq: dv.getUint32(5, true), channel, count, expectedBytes: countAt + 4 + count * 4 };
}

/** Why a frame's length disagrees with its header, naming the frame; undefined when it agrees (or has no readable header). */
export function frameLengthError(buf: ArrayBuffer): { channel: string; detail: string } | undefined {
  const h = readFrameHeader(buf);
  if (!h || h.expectedBytes === buf.byteLength) return undefined;
  return { channel: h.channel, detail: `frame seq ${h.seq} on ${h.channel}: ${h.count} values announced (${h.expectedBytes} bytes), ${buf.byteLength} bytes received` };
}
