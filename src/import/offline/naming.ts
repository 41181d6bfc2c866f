/**
 * Records' names computed on a second thread (./naming-worker.ts) a chunk ahead of the rows
 * that take them: pinyin and OpenCC are a third of the offline route's CSV pass, and
 * neo4j-admin's machine has a second core. The results are those `nodeRow` computes itself.
 */
import { Worker } from 'node:worker_threads';
import type { Naming } from '../rows.ts';

type Named = (Naming | null)[];

export class NamingThread {
  // Its heap holds the dictionaries (pinyin, OpenCC) and the names remembered (about 110 MB at
  // 100k and 1M); a limit makes it collect before the process's memory grows past that (192 MB
  // let the route's peak reach 729 MB at 1M; 128 runs as fast). Its young generation is kept
  // small for the reason the main thread's is (src/import/heap.ts IMPORT_SEMI_SPACE_MB).
  private readonly worker = new Worker(new URL('./naming-worker.ts', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 24 },
  });
  private readonly waiting = new Map<
    number,
    { resolve: (named: Named) => void; reject: (error: Error) => void }
  >();
  private chunks = 0;
  private failed: Error | undefined;

  constructor() {
    this.worker.on('message', ({ chunk, named }: { chunk: number; named: Named }) => {
      this.waiting.get(chunk)?.resolve(named);
      this.waiting.delete(chunk);
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the naming thread exited (${code})`)));
  }

  /** The naming of each record's names (`namesOf`; null for a record without names). */
  compute(names: (string[] | null)[]): Promise<Named> {
    if (this.failed) return Promise.reject(this.failed);
    const chunk = this.chunks++;
    const result = new Promise<Named>((resolve, reject) => {
      this.waiting.set(chunk, { resolve, reject });
    });
    this.worker.postMessage({ chunk, names });
    return result;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
