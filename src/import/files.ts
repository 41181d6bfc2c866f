/**
 * Importing files from the command line: standard input spooled to a temporary file (the
 * pipeline reads its inputs several times), a checkpoint file that `--resume` uses after an
 * interrupted run, and a progress bar on a terminal.
 */
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import type { Database } from '../db/driver.ts';
import {
  type Checkpoint,
  DEFAULT_BATCH_SIZE,
  type ImportOptions,
  type ImportSummary,
  type Progress,
  runImport,
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
    const resumeFrom =
      options.resume && existsSync(checkpointFile) ? readCheckpoint(checkpointFile) : undefined;
    const bar = options.progress ? progressBar() : undefined;
    try {
      const summary = await runImport(
        db,
        files.map((f) => fileInput(f)),
        {
          dryRun: options.dryRun,
          batchSize,
          maxErrors: options.maxErrors,
          resumeFrom,
          onProgress: bar?.update,
          onBatch: async (checkpoint) => {
            writeFileSync(checkpointFile, JSON.stringify(checkpoint));
            await options.onBatch?.(checkpoint);
          },
        },
      );
      if (summary.ok) rmSync(checkpointFile, { force: true });
      return summary;
    } finally {
      bar?.stop();
    }
  } finally {
    if (spool) rmSync(spool, { recursive: true, force: true });
  }
}

/** One checkpoint per set of input files (by path, size and modification time) and batch size. */
function checkpointPath(files: string[], batchSize: number): string {
  const fingerprint = files.map((f) => {
    const stat = statSync(f);
    return `${resolve(f)}:${stat.size}:${stat.mtimeMs}`;
  });
  const hash = createHash('sha256')
    .update(`${batchSize}\n${fingerprint.join('\n')}`)
    .digest('hex');
  return resolve(`.accord-import-${hash.slice(0, 12)}.checkpoint.json`);
}

function readCheckpoint(path: string): Checkpoint {
  const saved = JSON.parse(readFileSync(path, 'utf8'));
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
