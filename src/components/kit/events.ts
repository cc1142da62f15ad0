import type { ConnectionState, TechnicalDetail } from '../../streams/room/room.js';

/**
 * The one event convention of the library: a class per event, bubbling and
 * composed (it crosses shadow roots to the host page), with a typed `detail`
 * as frameworks expect of custom events. Listed in `HTMLElementEventMap`.
 */
export abstract class IrEvent<T> extends Event {
  constructor(
    type: string,
    readonly detail: T,
    init: EventInit = {},
  ) {
    super(type, { bubbles: true, composed: true, ...init });
  }
}

/** Invalid data, a refused batch or frame, a parse error, a gap or duplicate, or a channel gone stale or valid again. The stream goes on. */
export class IrTechnicalEvent extends IrEvent<TechnicalDetail> {
  static readonly type = 'ir-technical';
  constructor(detail: TechnicalDetail) {
    super(IrTechnicalEvent.type, detail);
  }
}

/** The connection state changed. */
export class IrConnectionStateEvent extends IrEvent<{ state: ConnectionState }> {
  static readonly type = 'ir-connection-state';
  constructor(state: ConnectionState) {
    super(IrConnectionStateEvent.type, { state });
  }
}

/** A configuration the element refused (a bad alarm rule, channels missing); the element stays up without it. */
export class IrConfigErrorEvent extends IrEvent<{ message: string }> {
  static readonly type = 'ir-config-error';
  constructor(message: string) {
    super(IrConfigErrorEvent.type, { message });
  }
}
