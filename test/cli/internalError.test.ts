// An unexpected error inside routeshift (here: the compiler throws a plain Error) is reported on
// one line with exit code 2 and no stack trace, unless ROUTESHIFT_DEBUG=1 asks for it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';

vi.mock('../../src/scenarios/compile.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/scenarios/compile.js')>()),
  compileScenario: () => {
    throw new Error('boom\nwith a second line');
  },
}));

const cwd = mkdtempSync(join(tmpdir(), 'routeshift-internal-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function run(env: Record<string, string>) {
  let stderr = '';
  const code = await main(['run', resolve('test/fixtures/tiny.json')], {
    stdout: () => {},
    stderr: (s) => void (stderr += s),
    cwd,
    env,
  });
  return { code, stderr };
}

describe('internal errors', () => {
  it('exit 2 with a one-line message and no stack trace', async () => {
    expect(await run({})).toEqual({ code: 2, stderr: 'routeshift: internal error: boom (set ROUTESHIFT_DEBUG=1 for details)\n' });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('show the stack with ROUTESHIFT_DEBUG=1', async () => {
    const { code, stderr } = await run({ ROUTESHIFT_DEBUG: '1' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^routeshift: internal error: Error: boom\nwith a second line\n\s+at /);
  });
});
