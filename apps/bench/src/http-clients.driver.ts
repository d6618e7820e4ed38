import { fork } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { childProfileArgs, onCleanup, profiled } from './harness.js';
import type { ClientOrder, ClientReport, ServerReply } from './http-clients.child.js';
import { heapAfterGc, Meter, type LoadResult } from './measure.js';

export interface ClientsWalked {
  warmup: LoadResult | null;
  /**
   * The clients' walk (throughput, latencies, failures) with the server's figures in place of the clients'
   * own: heap read in this process at the marks (nothing in flight), RSS, CPU and GC of this process.
   */
  result: LoadResult;
  /** Whether the clients got a keep-alive pool of exactly `concurrency` connections. */
  pool: boolean;
  /** CPU of the clients' process over their walk, % of one core. */
  clientCpuPercent: number;
}

/**
 * Runs the clients of an HTTP walk in a child process (http-clients.child.ts) while this process, the
 * server's, only serves: the two then have a core each, and the latencies are the server's, not the price of
 * sharing an event loop with the clients. The server's side of the measured walk is metered here, and profiled
 * under --cpu-prof (the clients' side by node in the child).
 */
export async function walkClientsInChild(order: Omit<ClientOrder, 'type'>): Promise<ClientsWalked> {
  const child = fork(fileURLToPath(new URL('./http-clients.child.js', import.meta.url)), [], {
    execArgv: childProfileArgs(`${order.label.replace(/[^\w.]+/g, ' ').trim().replace(/ /g, '-')}-clients`),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const kill = onCleanup(() => child.kill());
  const reply = (message: ServerReply) => child.send(message);
  try {
    return await new Promise<ClientsWalked>((resolve, reject) => {
      let meter: Meter | undefined;
      let ready: Extract<ClientReport, { type: 'ready' }> | undefined;
      let serverPass: Promise<void> | undefined;
      let endServerPass = () => {};
      const fail = (error: unknown) => {
        endServerPass();
        reject(error);
      };
      child.once('exit', (code, signal) => fail(new Error(`the clients' process ended (${signal ?? code}) before it reported`)));
      child.on('message', (report: ClientReport) => {
        void (async () => {
          if (report.type === 'ready') {
            ready = report;
            meter = await Meter.start(order.label, order.count, { quiet: true });
            serverPass = profiled(`${order.label} server`, () => new Promise<void>((resolve) => (endServerPass = resolve)));
            reply({ type: 'go' });
          } else if (report.type === 'heap') {
            reply({ type: 'heap', mb: heapAfterGc() });
          } else if (report.type === 'done') {
            const server = await meter!.finish();
            endServerPass();
            await serverPass;
            const { cpuPercent, cpuMs, rss, gc, peakHeapMb } = server;
            resolve({ warmup: ready!.warmup, pool: ready!.pool, clientCpuPercent: report.result.cpuPercent, result: { ...report.result, cpuPercent, cpuMs, rss, gc, peakHeapMb } });
          } else {
            fail(new Error(`the clients failed: ${report.error}`));
          }
        })().catch(fail);
      });
      child.send({ type: 'walk', ...order } satisfies ClientOrder);
    });
  } finally {
    // The child leaves once disconnected; under --cpu-prof node writes its profile on the way out.
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
    if (child.connected) child.disconnect();
    await Promise.race([exited, setTimeout(10_000, undefined, { ref: false })]);
    await kill();
  }
}
