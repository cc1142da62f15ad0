// JSX types for the elements in React 19 (`import type {} from 'ir-monitor/jsx'` once, or
// list it in tsconfig "types"). Types only: this module has no runtime code. React 19 sets a
// prop as a property when the element is already defined when it first renders, so import
// the elements (`import 'ir-monitor'`) before the first render; see the README.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {} from './components/telemetry.js';
import type {} from './components/trend.js';
import type {} from './components/alarm-banner.js';
import type {} from './components/alarm-log.js';

/** The element tags this library defines. */
export type IrTag = 'ir-telemetry' | 'ir-trend' | 'ir-alarm-banner' | 'ir-alarm-log';

/** An element's own data properties (methods and HTMLElement's members left out), all optional. */
export type IrOwnProps<E> = {
  [K in Exclude<keyof E, keyof HTMLElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** Listeners for the library's events: React 19 adds `on` + the event's name as written. */
export type IrEventProps = {
  [K in keyof HTMLElementEventMap as K extends `ir-${string}` ? `on${K}` : never]?: (event: HTMLElementEventMap[K]) => void;
};

/** What JSX accepts on an `ir-` element: its properties, its events, React's HTML attributes. */
export type IrElementProps<E extends HTMLElement> = IrOwnProps<E> & IrEventProps & DetailedHTMLProps<HTMLAttributes<E>, E> & { class?: string };

/** The JSX intrinsic elements of this library. */
export type IrIntrinsicElements = { [T in IrTag]: IrElementProps<HTMLElementTagNameMap[T]> };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends IrIntrinsicElements {}
  }
}
