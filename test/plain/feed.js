// The page's own code, as a hospital developer writes it with no bundler: every element,
// channels, one rule, and a vendor's samples handed to the room (no RxJS needed). Shared by
// both pages.
const PANELS = [['ir-iceball-curve'], ['ir-thermal-map', 'map'], ['ir-pulse-trace'], ['ir-cement-gauge']];

export async function feed() {
  const telemetry = document.createElement('ir-telemetry');
  const trend = document.createElement('ir-trend');
  trend.setAttribute('channel', 'probe');
  telemetry.append(document.createElement('ir-alarm-banner'), trend, document.createElement('ir-alarm-log'));
  document.body.append(telemetry);
  for (const [tag, channel] of PANELS) {
    const panel = document.createElement(tag);
    if (channel) panel.setAttribute('channel', channel);
    document.body.append(panel);
  }
  telemetry.channels = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 500, range: [-200, 150] }];
  telemetry.rules = [{
    id: 'probe-hot', channel: 'probe', condition: { kind: 'above', limit: 60 }, priority: 'me', kind: 'phy',
    onsetDelayMs: 0, hysteresis: 1, latching: false, message: { en: 'Probe hot', fr: 'Aiguille chaude' },
  }];
  await telemetry.updateComplete; // the room takes the channels in the element's update
  const now = Date.now();
  telemetry.room.push({ channel: 'probe', t: Float64Array.of(now - 500, now), v: Float32Array.of(65, 70) });
}
