import { Observable, type OperatorFunction } from 'rxjs';
import type { TechnicalEvent } from '../models/events.js';
import { LineFramer } from '../models/line-framer.js';

/**
 * NDJSON framing for sources that deliver a byte or text stream in arbitrary chunks
 * (Server-Sent Events, `fetch` bodies, a TCP gateway behind a bridge): emits whole lines,
 * however the chunks cut them, and the unterminated last one when the source completes.
 * A line longer than `maxLineLength` (default 1 MiB) is dropped as a 'line-too-long'
 * technical event; empty lines are skipped. Pipe the lines into `parseWireLine`.
 */
export function splitLines(opts: { maxLineLength?: number } = {}): OperatorFunction<string | Uint8Array, string | TechnicalEvent> {
  return (source) =>
    new Observable((out) => {
      const framer = new LineFramer(opts.maxLineLength);
      const sink = {
        line: (line: string) => void (line.trim() !== '' && out.next(line)),
        tooLong: () => out.next({ type: 'technical', channel: null, reason: 'line-too-long', count: 1, t: NaN }),
      };
      return source.subscribe({
        next: (chunk) => framer.push(chunk, sink),
        error: (e) => out.error(e),
        complete: () => {
          framer.end(sink);
          out.complete();
        },
      });
    });
}
