// A progress bar for a batch of runs, drawn with cli-progress on a terminal only: when stderr is a
// file or a pipe (CI logs, tests) there is nothing to redraw, so the reporter does nothing.

import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/** Start a bar at 0 of `total` runs on `stream`, or a silent reporter when there is no terminal. */
export function startProgress(stream: NodeJS.WriteStream | undefined, label: string, total: number): Progress {
  if (stream === undefined) return SILENT;
  const bar = new SingleBar(
    {
      stream,
      format: `${label} {bar} {value}/{total} runs | {duration_formatted} elapsed, ~{eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
