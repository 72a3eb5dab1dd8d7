// Preloaded into a host process (`--import`) by a benchmark that counts what the host receives: every
// socket its servers accept is kept, and SIGUSR2 prints the bytes they have read so far, closed sockets
// included, as one line (`readSocketBytes` asks for it).
import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import type { HostProcess } from '../../support/hostProcess';

export const socketBytesModule = import.meta.filename;

const linePattern = /^socket bytes read: (\d+)$/;

// Only where it was preloaded (the host runs cli.ts); the benchmark imports it for readSocketBytes.
if (process.argv.some((arg) => arg.endsWith('cli.ts'))) {
  const sockets = new Set<Socket>();
  subscribe('net.server.socket', (message) => sockets.add((message as { socket: Socket }).socket));
  process.on('SIGUSR2', () => {
    const read = [...sockets].reduce((sum, socket) => sum + socket.bytesRead, 0);
    console.log(`socket bytes read: ${read}`);
  });
}

/** The bytes the host's sockets have read since it started. */
export async function readSocketBytes(host: HostProcess): Promise<number> {
  const line = host.nextLine(linePattern);
  process.kill(host.pid, 'SIGUSR2');
  return Number((await line)[1]);
}
