/**
 * The V8 heap a large import runs in. What an import holds at once is bounded by its batches
 * (records, and rows: a batch closes at twice its size in rows, src/import/pipeline.ts), but V8
 * collects lazily: under its default limit (a quarter of the machine's memory, at most 4 GB) a
 * 1M-record import let garbage pile up to 790 MB RSS (1,178 MB before batches were bounded by
 * rows). Under a limit on the old generation from the batches held at once it collects sooner:
 * 484 MB at 1M, at the same speed within the machine's noise (bench/README.md, "Import: where
 * the time goes"). A process's limit is fixed when it starts, so the command line restarts
 * itself with that limit for a large import.
 */
import { statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

/** Input bytes from which an import runs under a heap limit: about 160,000 generated records. */
export const LARGE_IMPORT_BYTES = 32 * 2 ** 20;

/**
 * Megabytes of old generation for an import: 384 for two writers of 10,000 records (measured
 * at 100k and 1M records), more in proportion to the records written and prepared at once.
 */
export const importHeapMb = (batchSize: number, writers: number): number =>
  Math.max(384, Math.ceil((384 * batchSize * writers) / 20_000));

/**
 * Megabytes of old generation for the offline route (src/import/offline/): it holds a chunk of
 * records, not batches, and its ids are outside the heap (src/import/id-table.ts). At 1M, 192
 * ran at the CPU time of 384; 128 took twice the CPU. The young generation was the larger part
 * of the peak (`IMPORT_SEMI_SPACE_MB`).
 */
export const OFFLINE_HEAP_MB = 192;

/**
 * Megabytes of each of the young generation's two semi-spaces for a large import. Left to
 * itself V8 grows the young generation to 128 MB whatever the old generation's limit, and each
 * scavenge copies the records, rows and CSV chunks still in flight: at 1M a third of the offline
 * route's CPU (160 → 112 s to its CSV files written) and 180 MB of its peak (614 → 427 MB); a
 * transactional dry run 34–41 → 31 s CPU, 475 → 390 MB (bench/README.md, "Import").
 */
export const IMPORT_SEMI_SPACE_MB = 16;

/**
 * Whether to rerun this import under `importHeapMb`: its files are large, and the heap limit
 * is not set already (by a rerun or by the user, whose choice stands).
 */
export function wantsHeapLimit(files: string[], heapMb: number): boolean {
  const set = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
  if (set.some((arg) => arg.includes('--max-old-space-size'))) return false;
  if (getHeapStatistics().heap_size_limit < 2 * heapMb * 2 ** 20) return false;
  let bytes = 0;
  for (const file of files) {
    try {
      if (file !== '-') bytes += statSync(file).size;
    } catch {
      // A missing file is reported by the import itself.
    }
  }
  return bytes >= LARGE_IMPORT_BYTES;
}

/**
 * Restarts this process under `importHeapMb` and `IMPORT_SEMI_SPACE_MB` when `wantsHeapLimit`:
 * the same process (execve: the same pid, arguments, standard input and output), so nothing of
 * this one stays in memory.
 * Returns only when it does not restart (small files, a limit set, or no execve on this platform).
 */
export function limitHeap(files: string[], heapMb: number): void {
  if (!wantsHeapLimit(files, heapMb) || typeof process.execve !== 'function') return;
  // A young generation the user sized stands too.
  const young = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) =>
    arg.includes('--max-semi-space-size'),
  );
  const args = [
    `--max-old-space-size=${heapMb}`,
    ...(young ? [] : [`--max-semi-space-size=${IMPORT_SEMI_SPACE_MB}`]),
    ...process.execArgv,
    ...process.argv.slice(1),
  ];
  process.execve(process.execPath, [process.execPath, ...args]);
}
