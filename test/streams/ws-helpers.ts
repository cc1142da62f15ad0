import { executeServerCommand } from '@web/test-runner-commands';

/** Waits until `pred` holds over everything received so far. */
export async function until<T extends { type: string }>(items: T[], pred: (items: T[]) => boolean, what: string, ms = 5000) {
  const end = performance.now() + ms;
  while (!pred(items)) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(items.map((i) => i.type))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until the test server holds exactly `n` open sockets (a previous test's may linger). */
export async function untilClients(n: number, ms = 2000) {
  const end = performance.now() + ms;
  let got: number;
  while ((got = await executeServerCommand<number, unknown>('ws-clients')) !== n) {
    if (performance.now() > end) throw new Error(`server holds ${got} sockets, expected ${n}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
