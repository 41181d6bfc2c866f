/**
 * Importing files from the command line: standard input spooled to a temporary file (the
 * pipeline reads its inputs several times), a checkpoint file that `--resume` uses after an
 * interrupted run, and a progress bar on a terminal. A checkpoint names the database it counts
 * batches of and the contents of the files; `--resume` refuses one that names others.
 */
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import {
  type Checkpoint,
  DEFAULT_BATCH_SIZE,
  type ImportOptions,
  type ImportSummary,
  type Progress,
  runImport,
  StaleCheckpointError,
} from './pipeline.ts';
import { fileInput } from './read.ts';

export interface FileImportOptions extends Omit<ImportOptions, 'resumeFrom' | 'onProgress'> {
  /** Skip the batches an interrupted run of the same import committed. */
  resume?: boolean;
  /** Show a progress bar on standard error. */
  progress?: boolean;
}

export async function importFiles(
  db: Database,
  paths: string[],
  options: FileImportOptions = {},
): Promise<ImportSummary> {
  const spool = paths.includes('-') ? mkdtempSync(join(tmpdir(), 'accord-stdin-')) : undefined;
  try {
    const files: string[] = [];
    for (const path of paths) {
      if (path === '-' && spool) {
        const copy = join(spool, 'stdin.ndjson');
        await pipeline(process.stdin, createWriteStream(copy));
        files.push(copy);
      } else {
        if (!existsSync(path)) throw new Error(`no such file: ${path}`);
        files.push(path);
      }
    }
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const checkpointFile = checkpointPath(files, batchSize);
    const [{ id: database } = {}] = await db.read(cypher('import/database-id'));
    const bound: Binding = { database: String(database), files: await contentHashes(files) };
    const resumeFrom =
      options.resume && existsSync(checkpointFile)
        ? readCheckpoint(checkpointFile, bound)
        : undefined;
    const bar = options.progress ? progressBar() : undefined;
    try {
      const summary = await runImport(
        db,
        files.map((f) => fileInput(f)),
        {
          dryRun: options.dryRun,
          batchSize,
          writers: options.writers,
          maxErrors: options.maxErrors,
          memoryBudget: options.memoryBudget,
          resumeFrom,
          onProgress: bar?.update,
          onBatch: async (checkpoint) => {
            writeFileSync(checkpointFile, JSON.stringify({ ...bound, ...checkpoint }));
            await options.onBatch?.(checkpoint);
          },
        },
      );
      if (summary.ok) rmSync(checkpointFile, { force: true });
      return summary;
    } catch (error) {
      if (error instanceof StaleCheckpointError) throw stale(checkpointFile, error.message);
      throw error;
    } finally {
      bar?.stop();
    }
  } finally {
    if (spool) rmSync(spool, { recursive: true, force: true });
  }
}

/** One checkpoint per list of input files (by path) and batch size. */
function checkpointPath(files: string[], batchSize: number): string {
  const hash = createHash('sha256')
    .update(`${batchSize}\n${files.map((f) => resolve(f)).join('\n')}`)
    .digest('hex');
  return resolve(`.accord-import-${hash.slice(0, 12)}.checkpoint.json`);
}

/** What a checkpoint holds for: the database's id and each file's SHA-256, in order. */
interface Binding {
  database: string;
  files: { path: string; sha256: string }[];
}

async function contentHashes(files: string[]): Promise<Binding['files']> {
  const hashes: Binding['files'] = [];
  for (const path of files) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk);
    hashes.push({ path: resolve(path), sha256: hash.digest('hex') });
  }
  return hashes;
}

const stale = (file: string, message: string) =>
  new StaleCheckpointError(
    `checkpoint ${file} ${message}; run the import without --resume (every write is an upsert, so nothing is duplicated)`,
  );

/** The checkpoint to resume from, when it was written against this database and these contents. */
function readCheckpoint(path: string, bound: Binding): Checkpoint {
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  if (saved.database !== bound.database) {
    throw stale(
      path,
      `was written against another database (${saved.database ?? 'not named'}), not this one (${bound.database})`,
    );
  }
  for (const [i, { path: file, sha256 }] of bound.files.entries()) {
    if (saved.files?.[i]?.sha256 !== sha256) {
      throw stale(path, `was written for other contents of ${file}`);
    }
  }
  return { nodes: Number(saved.nodes) || 0, relationships: Number(saved.relationships) || 0 };
}

function progressBar() {
  const bar = new SingleBar({
    format: '{phase} [{bar}] {value}/{total} records | {rate} records/s | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  let phase = '';
  let phaseStart = 0;
  return {
    update(progress: Progress) {
      if (progress.phase !== phase) {
        phase = progress.phase;
        phaseStart = performance.now();
      }
      const seconds = (performance.now() - phaseStart) / 1000;
      const payload = {
        phase: phase.padEnd(13),
        rate: seconds > 0 ? Math.round(progress.done / seconds) : 0,
      };
      const total = progress.total ?? Math.max(progress.done, 1);
      if (!started) {
        bar.start(total, progress.done, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(progress.done, payload);
      }
    },
    stop: () => bar.stop(),
  };
}
