// The README's React example as a user's project compiles it: per-element imports, the JSX
// types and the React wrappers, from the built package, with `skipLibCheck: false`.
import 'ir-monitor/components/telemetry.js';
import 'ir-monitor/components/trend.js';
import type {} from 'ir-monitor/jsx';
import { IrTelemetry, IrTrend } from 'ir-monitor/react';
import type { ChannelDescriptor } from 'ir-monitor/models';

const channels: ChannelDescriptor[] = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] }];

export const intrinsic = (
  <ir-telemetry src="wss://gateway.example/room-3" channels={channels} onir-technical={(e) => console.warn(e.detail)}>
    <ir-trend channel="probe" window={120} />
  </ir-telemetry>
);

export const wrapped = (
  <IrTelemetry src="wss://gateway.example/room-3" channels={channels} onIrTechnical={(e) => console.warn(e.detail)}>
    <IrTrend channel="probe" window={120} />
  </IrTelemetry>
);

// @ts-expect-error a property the element does not have
export const misspelt = <ir-trend chanel="probe" />;
// @ts-expect-error a property of the wrong type
export const wrongType = <IrTrend window="wide" />;
