// One procedure, many viewers, through a real nats-server (Debian's package, started by the
// test runner's plugin on loopback with its WebSocket listener and JetStream): an edge
// publishes the load scenario; viewers in this page follow it through <ir-telemetry nats>.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/telemetry.js';
import '../../src/components/alarm-banner.js';
import '../../src/components/alarm-log.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import type { IrAlarmBanner } from '../../src/components/alarm-banner/alarm-banner.js';
import { waitUntil } from '../kit/fixture.js';

interface Broker {
  wsUrl: string;
  users: Record<'viewer' | 'readonly', { user: string; pass: string }>;
}

const ROOM = 'browser-room';
const RO_ROOM = 'browser-room-ro';
const ALARM = 'load.00:high';
let broker: Broker;
const client = { core: await import('@nats-io/nats-core'), jetstream: await import('@nats-io/jetstream') };

/** A viewer: <ir-telemetry nats procedure> holding a banner and a log. */
function viewer(name: string, creds: 'viewer' | 'readonly' = 'viewer', procedure = ROOM) {
  const t = document.createElement('ir-telemetry') as IrTelemetry;
  t.viewer = name;
  t.natsAuth = broker.users[creds];
  t.natsClient = client;
  t.setAttribute('nats', broker.wsUrl);
  t.setAttribute('procedure', procedure);
  const banner = document.createElement('ir-alarm-banner') as IrAlarmBanner;
  const log = document.createElement('ir-alarm-log');
  t.append(banner, log);
  document.body.append(t);
  return { t, banner, log };
}

const bannerPart = (b: IrAlarmBanner, name: string) => b.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const shown = (v: ReturnType<typeof viewer>) => v.t.manager.present.value.find((a) => a.rule.id === ALARM);
const logText = (v: ReturnType<typeof viewer>) => v.log.shadowRoot!.textContent ?? '';

describe('ir-telemetry following a procedure room on NATS', function () {
  this.timeout(60_000);
  const viewers: ReturnType<typeof viewer>[] = [];

  before(async () => {
    broker = await executeServerCommand<Broker, undefined>('nats-start');
    await executeServerCommand('nats-edge-start', { procedure: ROOM, scenario: 'load' });
  });
  after(async () => {
    for (const v of viewers) v.t.remove();
    await executeServerCommand('nats-edge-stop', { procedure: ROOM });
    await executeServerCommand('nats-edge-stop', { procedure: RO_ROOM });
  });

  it('shows the edge\'s alarm in every viewer; an acknowledgement in one shows in all, with who made it; a late joiner catches up', async () => {
    const console_ = viewer('console@room-3');
    const proctor = viewer('proctor@hospital-b');
    viewers.push(console_, proctor);
    await waitUntil(() => shown(console_)?.state.presence === 'on' && shown(proctor)?.state.presence === 'on', 'both viewers to show the alarm', 30_000);
    const edge = await executeServerCommand<{ occurrence: number }, { procedure: string; id: string }>('nats-edge-alarm', { procedure: ROOM, id: ALARM });
    expect(shown(console_)!.state.occurrence).to.equal(edge.occurrence);
    expect(shown(proctor)!.state.occurrence).to.equal(edge.occurrence);
    await waitUntil(() => /Load 1 above 0.9 mV/.test(bannerPart(console_.banner, 'banner')?.textContent ?? ''), 'the console\'s banner to show it');

    bannerPart(proctor.banner, 'acknowledge')!.click();
    await waitUntil(() => shown(console_)?.state.presence !== 'on' && shown(proctor)?.state.presence !== 'on', 'the acknowledgement in both viewers', 15_000);
    const atEdge = await executeServerCommand<{ presence: string } | null, { procedure: string; id: string }>('nats-edge-alarm', { procedure: ROOM, id: ALARM });
    expect(atEdge?.presence ?? 'off', 'the edge decided').to.not.equal('on');
    await waitUntil(() => logText(console_).includes('proctor@hospital-b'), 'the console\'s log to name who acknowledged');

    const late = viewer('tumour-board');
    viewers.push(late);
    await waitUntil(() => late.t.state === 'live' && late.t.catchingUp === 0 && late.t.room.store('load.03')!.length > 0, 'the late joiner to catch up', 30_000);
    expect(shown(late)?.state.presence ?? 'off', 'the late joiner shows the acknowledged state').to.not.equal('on');
    expect(late.t.room.store('load.03')!.firstT, 'it replayed from before it joined').to.be.at.most(console_.t.room.store('load.03')!.firstT + 1000);
  });

  it('a joining viewer is already catching up when the room\'s channels come, so its panels hold their drawing from the start', async () => {
    const v = viewer('side-screen');
    viewers.push(v);
    let atChannels = -1;
    const sub = v.t.room.channels.subscribe((c) => c.length && atChannels < 0 && (atChannels = v.t.room.replaying.value));
    await waitUntil(() => v.t.state === 'live' && v.t.catchingUp === 0 && (v.t.room.store('load.03')?.length ?? 0) > 0, 'caught up', 30_000);
    sub.unsubscribe();
    expect(atChannels, 'messages still to replay when the channels came').to.be.above(0);
  });

  it('a viewer removed from the page and added back later catches up on what it missed: no sample doubled, none out of order', async () => {
    const v = viewer('wall-screen');
    viewers.push(v);
    const store = () => v.t.room.store('load.03');
    await waitUntil(() => v.t.state === 'live' && v.t.catchingUp === 0 && (store()?.length ?? 0) > 0, 'caught up', 30_000);
    v.t.remove();
    await waitUntil(() => v.t.state === 'closed', 'let go once removed');
    const held = store()!.lastT;
    document.body.append(v.t);
    await waitUntil(() => v.t.state === 'live' && v.t.catchingUp === 0 && store()!.lastT > held + 1000, 'caught up again, and live', 30_000);
    const times: number[] = [];
    store()!.forEach((t) => times.push(t));
    const back = times.findIndex((t, i) => i > 0 && !(t > times[i - 1]));
    expect(back, back < 0 ? '' : `${times[back]} after ${times[back - 1]} (${times.length} samples, ${held} held)`).to.equal(-1);
  });

  it('a viewer removed while it catches up and added back goes on: no sample doubled, none out of order', async () => {
    const v = viewer('corridor-screen');
    viewers.push(v);
    // Removed as the first samples come in while it catches up (a replay may take less time than a wait's poll).
    await new Promise<void>((removed) => {
      const sub = v.t.room.samples.subscribe(() => v.t.room.replaying.value > 0 && (sub.unsubscribe(), v.t.remove(), removed()));
    });
    // Past the microtask in which a removal lets go.
    await Promise.resolve();
    expect(v.t.state, 'let go while catching up').to.equal('closed');
    document.body.append(v.t);
    const store = () => v.t.room.store('load.03');
    await waitUntil(() => v.t.state === 'live' && v.t.catchingUp === 0 && (store()?.length ?? 0) > 0, 'joined', 30_000);
    const times: number[] = [];
    store()!.forEach((t) => times.push(t));
    const back = times.findIndex((t, i) => i > 0 && !(t > times[i - 1]));
    expect(back, back < 0 ? '' : `${times[back]} after ${times[back - 1]}`).to.equal(-1);
  });

  it('a read-only viewer sees the alarms but its acknowledgement is refused, and the person is told why', async () => {
    // A room of its own: the first test's acknowledgement is in the other room's record.
    await executeServerCommand('nats-edge-start', { procedure: RO_ROOM, scenario: 'load' });
    const ro = viewer('teaching-room', 'readonly', RO_ROOM);
    viewers.push(ro);
    await waitUntil(() => ro.t.catchingUp === 0 && shown(ro)?.state.presence === 'on' && !!bannerPart(ro.banner, 'acknowledge'), 'the read-only viewer to show the alarm', 30_000);
    bannerPart(ro.banner, 'acknowledge')!.click();
    await waitUntil(() => /read-only/.test(logText(ro)), 'the refusal in its log', 15_000);
    expect(logText(ro)).to.contain('Command refused');
    const atEdge = await executeServerCommand<{ presence: string }, { procedure: string; id: string }>('nats-edge-alarm', { procedure: RO_ROOM, id: ALARM });
    expect(atEdge.presence).to.equal('on');
  });

  it('a viewer turned to another room shows that procedure alone: nothing of the room before stays', async () => {
    const v = viewer('hall-screen');
    viewers.push(v);
    const times = () => {
      const t: number[] = [];
      v.t.room.store('load.03')?.forEach((x) => t.push(x));
      return t;
    };
    await waitUntil(() => v.t.state === 'live' && v.t.catchingUp === 0 && times().length > 0, 'following the first room', 30_000);
    await waitUntil(() => logText(v).includes('proctor@hospital-b'), "the first room's log: its acknowledgement");
    const before = times().length;
    v.t.setAttribute('procedure', RO_ROOM);
    await waitUntil(() => v.t.catchingUp > 0 || times().length < before, 'turned to the other room', 30_000);
    await waitUntil(() => v.t.state === 'live' && v.t.catchingUp === 0 && times().length > 0, 'caught up on the other room', 30_000);
    const t = times();
    const back = t.findIndex((x, i) => i > 0 && !(x > t[i - 1]));
    expect(back, back < 0 ? '' : `${t[back]} after ${t[back - 1]}`).to.equal(-1);
    expect(shown(v)?.state.presence, "the other room's alarm, unacknowledged there").to.equal('on');
    await waitUntil(() => /Load 1 above 0.9 mV/.test(bannerPart(v.banner, 'banner')?.textContent ?? ''), "the banner shows the other room's alarm");
    expect(logText(v), "the log holds nothing of the first room's").not.to.contain('proctor@hospital-b');
  });
});
