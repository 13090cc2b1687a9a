#!/usr/bin/env node
// The `routeshift` executable: hands the process to main() (program.ts) and sets the exit code.
// Ctrl-C aborts a running simulation cleanly (nothing half-written) instead of killing it mid-write.

import { processIo } from './io.js';
import { main } from './program.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted')));
process.exitCode = await main(process.argv.slice(2), processIo(controller.signal));
