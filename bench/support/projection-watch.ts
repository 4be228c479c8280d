import { Client as PgClient } from 'pg';

/**
 * Tells when the projection of a task reaches a version: one poller for every waiting caller, so
 * fifty concurrent users cost one small query every few milliseconds, not fifty.
 */
export class ProjectionWatch {
  private readonly waiting = new Map<string, { version: number; resolve: (at: number) => void }[]>();
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly pg: PgClient,
    private readonly everyMs = 5,
  ) {
    this.loop = this.run();
  }

  /** Resolves with the time (performance.now()) the task row showed `version` or later. */
  reached(taskId: string, version: number): Promise<number> {
    return new Promise((resolve) => {
      const list = this.waiting.get(taskId) ?? [];
      list.push({ version, resolve });
      this.waiting.set(taskId, list);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (this.waiting.size > 0) {
        const ids = [...this.waiting.keys()];
        const { rows } = await this.pg.query(`SELECT id, projected_version FROM task WHERE id = ANY($1)`, [ids]);
        const seenAt = performance.now();
        for (const row of rows as { id: string; projected_version: number }[]) {
          const list = this.waiting.get(row.id) ?? [];
          const left = list.filter((w) => (row.projected_version >= w.version ? (w.resolve(seenAt), false) : true));
          if (left.length === 0) this.waiting.delete(row.id);
          else this.waiting.set(row.id, left);
        }
      }
      await new Promise((r) => setTimeout(r, this.everyMs));
    }
  }
}
