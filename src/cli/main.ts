#!/usr/bin/env node
// The `routeshift` executable: hands the process to main() (program.ts) and sets the exit code.
// Ctrl-C, or a SIGTERM (kill, a CI job cancelled), aborts a running simulation cleanly (nothing
// half-written, no temporary folder left behind) instead of killing it mid-write.

import { Interrupted, processIo } from './io.js';
import { main } from './program.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Interrupted(130)));
process.once('SIGTERM', () => controller.abort(new Interrupted(143)));
process.exitCode = await main(process.argv.slice(2), processIo(controller.signal));
