/**
 * A reader that goes away (`importleak check . | head -1`) is not an error: the process ends at
 * once, quietly, with exit code 0, as ruff does; never with a stack trace, and never with 1, which
 * would read as "findings". Installed once, by whichever writes the output first: the quick replay
 * (quickReplay.ts) or the CLI.
 */
let closedPipeHandled = false;
export function endQuietlyOnClosedPipe(): void {
  if (closedPipeHandled) return;
  closedPipeHandled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}
