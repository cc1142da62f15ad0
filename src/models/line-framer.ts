/** Default longest line kept while waiting for its end: 1 MiB of UTF-16 units. */
export const DEFAULT_MAX_LINE_LENGTH = 1 << 20;

/** What a framer hands out: whole lines, and lines given up for being too long. */
export interface LineSink {
  line(line: string): void;
  /** A line longer than the limit was dropped; `length` is how much of it was seen. */
  tooLong(length: number): void;
}

/**
 * Cuts a stream of chunks (text, or UTF-8 bytes from fetch, Server-Sent Events or a TCP
 * gateway) into lines, wherever the chunks were cut: the partial last line is carried over to
 * the next chunk. Lines end at LF; a CR before it is left for JSON.parse, which takes it as
 * whitespace (RFC 8259). Bytes are decoded in streaming mode, so a character split across
 * chunks survives and a byte-order mark at the start of the stream is dropped (WHATWG
 * Encoding). A line growing past `maxLineLength` without an end is dropped and reported, so a
 * sender that never sends a newline cannot fill the memory.
 */
export class LineFramer {
  private partial = '';
  /** Skipping the rest of a too-long line, having seen this much of it. */
  private skipped = 0;
  private decoder: TextDecoder | undefined;

  constructor(readonly maxLineLength = DEFAULT_MAX_LINE_LENGTH) {}

  /** The partial line held, waiting for its end. */
  get pending(): string {
    return this.partial;
  }

  push(chunk: string | Uint8Array, sink: LineSink): void {
    const text = typeof chunk === 'string' ? chunk : (this.decoder ??= new TextDecoder()).decode(chunk, { stream: true });
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      if (this.skipped > 0) {
        sink.tooLong(this.skipped + nl - from);
        this.skipped = 0;
      } else if (this.partial.length + nl - from > this.maxLineLength) {
        sink.tooLong(this.partial.length + nl - from);
        this.partial = '';
      } else {
        const line = this.partial + text.slice(from, nl);
        this.partial = '';
        sink.line(line);
      }
      from = nl + 1;
    }
    const rest = text.length - from;
    if (this.skipped > 0) this.skipped += rest;
    else if (this.partial.length + rest > this.maxLineLength) {
      this.skipped = this.partial.length + rest;
      this.partial = '';
    } else if (rest > 0) this.partial += text.slice(from);
  }

  /** End of stream: hands out the unterminated last line (NDJSON allows one) and starts afresh. */
  end(sink: LineSink): void {
    if (this.decoder) this.push(this.decoder.decode(), sink);
    this.decoder = undefined;
    if (this.skipped > 0) sink.tooLong(this.skipped);
    else if (this.partial) sink.line(this.partial);
    this.reset();
  }

  /** Takes the partial line away (it was complete after all, or the connection is gone). */
  take(): string {
    const p = this.partial;
    this.partial = '';
    return p;
  }

  /** Forgets everything: a new connection starts a new stream. */
  reset(): void {
    this.partial = '';
    this.skipped = 0;
    this.decoder = undefined;
  }
}
