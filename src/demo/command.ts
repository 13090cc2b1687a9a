// `routeshift demo`: serve the built browser demo (dist/demo/site) on this machine, print its address
// and keep serving until Ctrl-C. The simulation runs in the browser's Web Worker, so the server only
// hands out static files. In a source checkout where the demo has not been built yet, it is built
// first with Vite (a development dependency); `npm run build:demo` builds it explicitly.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, type CliIo } from '../cli/io.js';
import { packageRoot } from '../scenarios/builtins.js';
import { startStaticServer } from './staticServer.js';

export interface DemoOptions {
  port?: number;
  host: string;
  /** Folder to serve instead of dist/demo/site (tests). */
  site?: string;
}

export const DEFAULT_DEMO_PORT = 4173;

/** Folder of the built demo. */
export function demoSiteDir(): string {
  return join(packageRoot(), 'dist', 'demo', 'site');
}

export async function demoCommand(options: DemoOptions, io: CliIo): Promise<number> {
  const site = options.site ?? demoSiteDir();
  if (!existsSync(join(site, 'index.html'))) await buildDemo(io);
  let server;
  try {
    server = await startStaticServer(site, options.host, options.port ?? DEFAULT_DEMO_PORT);
  } catch (error) {
    // The default port is only a preference: take any free one. A port the user asked for is not.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port !== undefined) throw demoListenError(error, options);
    server = await startStaticServer(site, options.host, 0);
  }
  io.stdout(`routeshift demo: open ${server.url}\n`);
  io.stderr(`Serving ${site}. Press Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => {
    if (!io.signal) return;
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  return 0;
}

function demoListenError(error: unknown, options: DemoOptions): Error {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') return new CliError(`port ${options.port} on ${options.host} is in use; choose another with --port`);
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') return new CliError(`cannot listen on ${options.host}: ${e.message}`);
  return e;
}

async function buildDemo(io: CliIo): Promise<void> {
  const config = join(packageRoot(), 'src', 'demo', 'vite.config.ts');
  let vite: typeof import('vite');
  try {
    if (!existsSync(config)) throw new Error('no sources');
    vite = await import('vite');
  } catch {
    throw new CliError('the demo is not built: run `npm run build:demo` in the routeshift folder');
  }
  io.stderr('Building the demo (first run)…\n');
  await vite.build({ configFile: config, logLevel: 'warn' });
}
