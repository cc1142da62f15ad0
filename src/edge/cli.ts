#!/usr/bin/env node
/// <reference types="node" />
// ir-monitor-edge: a headless procedure room publishing to NATS JetStream (docs/nats.md).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EDGE_SCENARIOS } from './scenarios.js';
import { BrokerUnreachable, startEdge } from './edge.js';
import { errorText } from '../models/error-text.js';

const HELP = `ir-monitor-edge: a headless procedure room at the edge, published to NATS JetStream.

Usage:
  ir-monitor-edge --nats nats://HOST:4222 --procedure ROOM --scenario NAME [--speed N]
  ir-monitor-edge --nats nats://HOST:4222 --procedure ROOM --gateway ws://HOST:PORT --channels channels.json [--rules rules.json]

Options:
  --nats URL        the broker (nats-server with JetStream); several separated by commas
  --procedure ROOM  the room: letters, digits, - and _ (stream IR_ROOM, subjects ir.ROOM.>)
  --scenario NAME   play a simulated procedure: ${Object.keys(EDGE_SCENARIOS).join(', ')}
  --speed N         data time runs N times faster than the clock (scenario, 1 to 60; default 1)
  --gateway URL     follow a device gateway speaking the wire format (docs/wire-format.md)
  --channels FILE   the gateway's channel descriptors (JSON array)
  --rules FILE      alarm rules for the gateway's channels (JSON array)
  --sender NAME     this edge's name on the broker (default edge-ROOM)
  --user U --pass P credentials (or NATS_USER / NATS_PASS); --token T (or NATS_TOKEN)
  --help            this text

Stops cleanly on SIGINT or SIGTERM: what is published so far is stored first.
Scenarios:
${Object.entries(EDGE_SCENARIOS).map(([k, f]) => `  ${k.padEnd(16)}${f().title}`).join('\n')}
`;

const say = (text: string) => process.stderr.write(`ir-monitor-edge: ${text}\n`);

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        nats: { type: 'string' }, procedure: { type: 'string' }, scenario: { type: 'string' }, speed: { type: 'string' },
        gateway: { type: 'string' }, channels: { type: 'string' }, rules: { type: 'string' }, sender: { type: 'string' },
        user: { type: 'string' }, pass: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    say(`${errorText(e)} (see --help)`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!args.nats || !args.procedure) {
    say('--nats and --procedure are needed (see --help)');
    return 2;
  }
  // Node 22 has a WebSocket; Node 20 takes the ws package's.
  if (args.gateway && typeof globalThis.WebSocket === 'undefined') {
    try {
      globalThis.WebSocket = (await import('ws')).WebSocket as unknown as typeof WebSocket;
    } catch {
      say('--gateway needs a WebSocket client: Node 22 or later, or `npm install ws`');
      return 2;
    }
  }
  const json = (file: string | undefined) => (file ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
  const speed = args.speed === undefined ? 1 : Number(args.speed);
  if (!(speed >= 1 && speed <= 60)) {
    say('--speed is a number from 1 to 60');
    return 2;
  }
  let edge;
  try {
    edge = await startEdge({
      nats: args.nats.split(','), procedure: args.procedure, scenario: args.scenario, gateway: args.gateway, speed,
      channels: json(args.channels), rules: json(args.rules), sender: args.sender,
      user: args.user ?? process.env.NATS_USER, pass: args.pass ?? process.env.NATS_PASS, token: args.token ?? process.env.NATS_TOKEN,
      onNotice: say,
    });
  } catch (e) {
    say(errorText(e));
    return e instanceof BrokerUnreachable ? 3 : 2;
  }
  const running = edge;
  // The handlers before the announcement: a signal sent on reading it must find them in place.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      say(`${signal}: stopping (${running.publisher.stats.stored} messages stored, ${running.publisher.stats.waiting} waiting)`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  say(`room ${args.procedure} published to ${args.nats} as ${args.sender ?? `edge-${args.procedure}`}; Ctrl-C stops`);
  await stopped;
  await running.stop();
  say(`stopped: ${running.publisher.stats.stored} messages stored`);
  return 0;
}

process.exitCode = await main();
