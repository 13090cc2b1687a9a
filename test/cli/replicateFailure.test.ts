// A replicate that throws, as the command line reports it: index, seed, the cause, and the exact
// command that reruns it alone (with the sweep point's --set values); exit 2, no stack trace
// unless ROUTESHIFT_DEBUG=1, nothing written. The kernel is mocked to throw for replicate 2 (the
// in-process path, --threads 1, calls the mocked module; worker failures are in test/run/parallel).
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledScenario } from '../../src/model/compiled.js';
import type { ReplicateResult } from '../../src/model/result.js';

const { runReplicate } = vi.hoisted(() => ({
  runReplicate: vi.fn<(compiled: CompiledScenario, seed: number, replicate: number) => ReplicateResult>(),
}));
vi.mock('../../src/model/runReplicate.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/model/runReplicate.js')>();
  runReplicate.mockImplementation((compiled, seed, replicate) => {
    if (replicate === 2) throw new Error('injected kernel failure');
    return real.runReplicate(compiled, seed, replicate);
  });
  return { runReplicate };
});

const { main } = await import('../../src/cli/program.js');

const TINY = resolve('test/fixtures/tiny.json');
const root = mkdtempSync(join(tmpdir(), 'routeshift-fail-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cwd = root;
let n = 0;
beforeEach(() => {
  cwd = join(root, `case-${n++}`);
  mkdirSync(cwd);
});

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, env });
  return { code, stdout, stderr };
}

describe('a failing replicate', () => {
  it('run: names the replicate and seed and prints the command that reproduces it alone', async () => {
    const { code, stdout, stderr } = await cli(['run', TINY, '--runs', '4', '--seed', '7', '--threads', '1']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `routeshift: replicate 2 (seed 7) failed: injected kernel failure\nreproduce it alone with: routeshift run ${TINY} --seed 7 --replicate 2\n`,
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('the reproduce command fails the same way; with ROUTESHIFT_DEBUG=1 the kernel stack is shown', async () => {
    const { code, stderr } = await cli(['run', TINY, '--seed', '7', '--replicate', '2'], { ROUTESHIFT_DEBUG: '1' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^routeshift: replicate 2 \(seed 7\) failed: injected kernel failure\nreproduce it alone with: .*--replicate 2\nError: injected kernel failure\n\s+at /);
  });

  it('sweep: names the point, and the reproduce command carries its --set values', async () => {
    const { code, stderr } = await cli(['sweep', TINY, '--set', 'borders.RS-HU.detection=0.2,0.4', '--runs', '3', '--seed', '1', '--threads', '1']);
    expect(code).toBe(2);
    expect(stderr).toContain('sweep point 0 (borders.RS-HU.detection=0.2): replicate 2 (seed 1) failed: injected kernel failure');
    expect(stderr).toContain(`routeshift run ${TINY} --set borders.RS-HU.detection=0.2 --seed 1 --replicate 2`);
  });

  it('compare: the reproduce command names the arm that failed', async () => {
    const { code, stderr } = await cli(['compare', TINY, TINY, '--runs', '3', '--seed', '4', '--threads', '1']);
    expect(code).toBe(2);
    expect(stderr).toContain(`reproduce it alone with: routeshift run ${TINY} --seed 4 --replicate 2`);
  });
});
