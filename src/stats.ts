/** The stages `--stats` times, in the order they run. */
export const STAGES = ['run record', 'discovery', 'parse and extract', 'resolve and graph', 'entries', 'deployment', 'rules', 'report'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Wall time per stage of one run, for `--stats`. A stage may be entered several times; its times add
 * up. Files counted as the extract stage sees them: read from the cache, or parsed.
 */
export class StageTimes {
  private readonly totals = new Map<Stage, number>();
  private readonly started = performance.now();
  /** When the stage last added ended (taken as now, when it is added). */
  private lastEnd = this.started;
  cached = 0;
  parsed = 0;
  workers = 0;
  /**
   * The output was the run record's (see replay.ts): nothing was analyzed. `quick`: found by the
   * command line's index entry, without loading the analyzer (see quickReplay.ts).
   */
  replayed: boolean | 'quick' = false;

  /** Runs `work` as part of `stage`, and adds its time. */
  async time<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }

  timeSync<T>(stage: Stage, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }

  add(stage: Stage, milliseconds: number): void {
    this.totals.set(stage, (this.totals.get(stage) ?? 0) + milliseconds);
    this.lastEnd = performance.now();
  }

  /** Adds to `stage` the time since the stage added last ended: what ran between them was this one. */
  addSinceLast(stage: Stage): void {
    this.add(stage, performance.now() - this.lastEnd);
  }

  /** `--stats` output: one line a stage, then the total (stderr, so it never mixes with a report). */
  format(): string {
    const total = performance.now() - this.started;
    const width = Math.max(...STAGES.map((s) => s.length));
    const lines = STAGES.filter((s) => this.totals.has(s)).map((s) => `  ${s.padEnd(width)}  ${seconds(this.totals.get(s)!)}`);
    const files = this.replayed
      ? `the output of the last run, whose inputs are unchanged${this.replayed === 'quick' ? '; the analyzer not loaded' : ''}`
      : `${this.parsed} parsed, ${this.cached} from the cache${this.workers > 1 ? `, ${this.workers} worker threads` : ''}`;
    return [`importleak stats (${files}):`, ...lines, `  ${'total'.padEnd(width)}  ${seconds(total)}`].join('\n');
  }
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(3)} s`;
}
