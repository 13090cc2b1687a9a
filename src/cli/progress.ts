// A progress bar for a batch of runs, drawn with cli-progress on a terminal only: when stderr is a
// file or a pipe (CI logs, tests) there is nothing to redraw, so the reporter does nothing. It shows
// runs done of the total, the rate (runs per second since the start) and cli-progress's ETA.

import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/** Start a bar at 0 of `total` runs on `stream`, or a silent reporter when there is no terminal. */
export function startProgress(stream: NodeJS.WriteStream | undefined, label: string, total: number, unit = 'runs'): Progress {
  if (stream === undefined) return SILENT;
  const bar = new SingleBar(
    {
      stream,
      format: `${label} {bar} {value}/{total} ${unit} | {rate}/s | {duration_formatted} elapsed, ~{eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(total, 0, { rate: '0.0' });
  return {
    update: (done) => {
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(1) : '0.0' });
    },
    stop: () => bar.stop(),
  };
}
