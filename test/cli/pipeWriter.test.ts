// Output to a reader that has gone (`routeshift list | head`): the CLI stops writing to that
// stream instead of dying with an unhandled 'error' event and a stack trace (src/cli/io.ts).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { pipeWriter } from '../../src/cli/io.js';

/** A stream that records what is written and emits the errors a test asks for. */
function fakeSink() {
  const sink = Object.assign(new EventEmitter(), { written: [] as string[], write: (text: string) => sink.written.push(text) });
  return sink;
}

const errno = (code: string) => Object.assign(new Error(`write ${code}`), { code });

describe('pipeWriter', () => {
  it('writes until the reader closes the pipe, then drops the rest without throwing', () => {
    const sink = fakeSink();
    const write = pipeWriter(sink);
    write('one\n');
    expect(() => sink.emit('error', errno('EPIPE'))).not.toThrow();
    write('two\n');
    expect(sink.written).toEqual(['one\n']);
  });

  it('rethrows any other write error', () => {
    const sink = fakeSink();
    pipeWriter(sink);
    expect(() => sink.emit('error', errno('ENOSPC'))).toThrow(/ENOSPC/);
  });
});
