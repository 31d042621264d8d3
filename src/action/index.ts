import { runAction } from './main.js';

// The bundle's entry (action-dist/index.mjs): a crash is an error annotation and a failed step.
runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stdout.write(`::error title=importleak::internal error: ${text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    process.exitCode = 3;
  },
);
