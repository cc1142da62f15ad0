import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from '../kit/fixture.js';

/** What a socket test waits for, with the types of the items received so far (said on a time-out). */
export const seen = (what: string, items: { type: string }[]) => () => `${what}: ${JSON.stringify(items.map((i) => i.type))}`;

/** Waits until the test server holds exactly `n` open sockets (a previous test's may linger). */
export async function untilClients(n: number, ms = 2000) {
  let got = -1;
  await waitUntil(async () => (got = await executeServerCommand<number, unknown>('ws-clients')) === n, () => `${n} sockets at the server (it holds ${got})`, ms);
}
