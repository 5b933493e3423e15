// A private redis-server for the queue tests: started on a free localhost port in its own
// directory (so a restart finds what it saved), stopped at the end. CI installs Debian's redis-server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  url: string;
  port: number;
  dir: string;
  /** SIGTERM: Redis saves its data to dir on the way out, as a real shutdown does. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts redis-server (again, on the same port and directory if given) and waits until it answers. */
export async function startRedis(at: { port?: number; dir?: string } = {}): Promise<RedisServer> {
  const port = at.port ?? await freePort();
  const dir = at.dir ?? mkdtempSync(join(tmpdir(), 'jitsim-redis-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '3600 1', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`cannot start redis-server (apt-get install redis-server; .ci/run does): ${err.message}`)));
    const started = Date.now();
    const probe = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('data', (d) => { socket.destroy(); if (d.toString().startsWith('+PONG')) resolve(); else retry(); });
      socket.once('error', () => { socket.destroy(); retry(); });
      socket.once('connect', () => socket.write('PING\r\n'));
    };
    const retry = () => (Date.now() - started > 10_000 ? reject(new Error(`redis-server on port ${port} did not answer in 10 s`)) : setTimeout(probe, 50));
    probe();
  });
  return {
    url: `redis://127.0.0.1:${port}`, port, dir,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
