import { createServer } from 'node:net';
import { StartupError } from './startup-error.js';

/** The one line for a port that cannot be listened on, or undefined when the error is something else. */
export function explainListenError(error: unknown, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is in use: another process listens there; set PORT=<another port> or stop that process`;
  }
  if (code === 'EACCES') {
    return `Port ${port} may not be listened on by this user (ports below 1024 need privileges); set PORT=<1024 or above>`;
  }
  return undefined;
}

/**
 * Fails start-up with one line when the HTTP port is taken, before Redis, the database, the queues and the
 * worker are touched. It binds the port the way `app.listen(port)` will (every interface) and lets it go at
 * once; a process that takes the port in between is still caught by `listenOrExplain`.
 */
export async function assertPortAvailable(port: number): Promise<void> {
  if (port === 0) return; // the system picks a free one
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (error) => reject(new StartupError(explainListenError(error, port) ?? `Port ${port} cannot be listened on: ${error.message}`)));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** `app.listen(port)`, with a taken or forbidden port said in one line. */
export async function listenOrExplain(app: { listen(port: number): Promise<unknown> }, port: number): Promise<void> {
  try {
    await app.listen(port);
  } catch (error) {
    const line = explainListenError(error, port);
    throw line ? new StartupError(line) : error;
  }
}
