/** A scan shorter than this shows no progress at all. */
const SHOW_AFTER_MS = 1000;
/** Redrawn at most this often. */
const REDRAW_MS = 100;

export interface Progress {
  update: (done: number, total: number) => void;
  /** Erases the line, if one was drawn. */
  clear: () => void;
}

/**
 * `importleak: 1,204/4,337 files (812 files/s)` on one line of an interactive terminal's stderr,
 * redrawn in place, once the scan has run for a second. Nothing when stderr is not a terminal (a
 * pipe, a file), in CI (`CI` set, as every CI service does), or with `TERM=dumb`.
 */
export function terminalProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Progress | undefined {
  if (!stream.isTTY || env.CI || env.TERM === 'dumb') return undefined;
  const started = performance.now();
  let drawn = false;
  let last = 0;
  return {
    update(done, total) {
      const now = performance.now();
      if (now - started < SHOW_AFTER_MS || (now - last < REDRAW_MS && done < total)) return;
      last = now;
      const rate = Math.round(done / ((now - started) / 1000));
      stream.write(`\r\x1b[2Kimportleak: ${done.toLocaleString('en')}/${total.toLocaleString('en')} files (${rate.toLocaleString('en')} files/s)`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
