/**
 * Where an import spends its time: runs Accord's import pipeline on a file into the database at
 * NEO4J_URI (emptied first unless --keep) and prints, per phase, wall-clock time and records/s,
 * and per named query the number of calls and the milliseconds spent waiting for Neo4j (from
 * Database.observed). What is left of a phase's time after its queries is Node's own work
 * (reading, validating, resolving, building rows).
 *
 *   node bench/import/profile.ts FILE [--batch-size N] [--writers N (default: the CLI's)] [--keep] [--upserts] [--dry-run] [--memory-log] [--json]
 *
 * `--upserts` writes every row as an upsert (the code before the create path, src/import/write.ts).
 * `--dry-run` validates and resolves only. Memory is sampled twice a second: the peak RSS and
 * heap used of each phase, so that what grows can be told from what is merely not yet collected;
 * `--memory-log` also prints each sample (seconds; RSS, V8 heap used and total, external; MB)
 * to stderr.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { cypher } from '../../src/db/cypher.ts';
import { createDatabase } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEFAULT_CLI_WRITERS, runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';

export interface ImportProfile {
  file: string;
  records: number;
  batchSize: number;
  writers: number;
  elapsedMs: number;
  recordsPerSecond: number;
  /** Wall-clock milliseconds per phase; `resolve` is the reference look-ups after validation. */
  phases: Record<string, { ms: number; recordsPerSecond: number }>;
  /** Per named query: calls, milliseconds waiting for Neo4j, and the longest call's. */
  queries: Record<string, { calls: number; ms: number; maxMs: number }>;
  peakRssMb: number;
  /** Per phase: the highest RSS and V8 heap used sampled in it, in MB. */
  memory: Record<string, { rssMb: number; heapUsedMb: number }>;
}

const MB = 2 ** 20;

/** Samples process memory every `ms` until stopped: [milliseconds since start, RSS, heap used]. */
function sampleMemory(started: number, log: boolean, ms = 500) {
  const samples: [number, number, number][] = [];
  // With --expose-gc, a full collection first: what is live, not what awaits collection.
  const collect = (globalThis as { gc?: () => void }).gc;
  const sample = () => {
    collect?.();
    const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
    const at = performance.now() - started;
    samples.push([at, rss, heapUsed]);
    if (log) {
      const f = (n: number) => Math.round(n / MB);
      const heap = `heap ${f(heapUsed)} of ${f(heapTotal)}`;
      console.error(`${(at / 1000).toFixed(1)}s rss ${f(rss)} ${heap} external ${f(external)}`);
    }
  };
  const timer = setInterval(sample, collect ? 4 * ms : ms);
  return {
    samples,
    stop: () => {
      clearInterval(timer);
      sample();
    },
  };
}

export async function profileImport(
  file: string,
  {
    batchSize = 2000,
    writers = DEFAULT_CLI_WRITERS,
    keep = false,
    upserts = false,
    dryRun = false,
    memoryLog = false,
  } = {},
): Promise<ImportProfile> {
  const base = createDatabase(loadConfig().neo4j);
  try {
    await base.verify();
    await migrate(base);
    if (!keep) await base.autoCommit(cypher('test/reset'));
    const queries: ImportProfile['queries'] = {};
    const db = base.observed((query, ms) => {
      const q = queries[query.name] ?? { calls: 0, ms: 0, maxMs: 0 };
      queries[query.name] = q;
      q.calls += 1;
      q.ms += ms;
      q.maxMs = Math.max(q.maxMs, ms);
    });
    const started = performance.now();
    const memory = sampleMemory(started, memoryLog);
    let validated = started;
    const ended = { value: started };
    // The first write's start and the last node write's end bound the phases.
    let firstWrite = Number.POSITIVE_INFINITY;
    let lastNodeWrite = 0;
    const observedDb = db.observed((query, ms) => {
      const now = performance.now();
      if (/^import\/(upsert|create)/.test(query.name)) firstWrite = Math.min(firstWrite, now - ms);
      if (/^(import\/(upsert|create)|claims\/choose)-nodes$/.test(query.name)) lastNodeWrite = now;
    });
    const summary = await runImport(observedDb, [fileInput(file)], {
      batchSize,
      writers,
      create: !upserts,
      dryRun,
      onProgress: (p) => {
        if (p.phase === 'validate' && p.total !== undefined) validated = performance.now();
      },
    });
    ended.value = performance.now();
    memory.stop();
    if (!summary.ok)
      throw new Error(`import failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    // validate: reading and checking every record; resolve: the look-ups of references and
    // checks that follow, until the first write; nodes: until the last node batch is written;
    // relationships: the rest.
    const resolved = Math.min(firstWrite, ended.value);
    const bounds: [string, number][] = [
      ['validate', validated],
      ['resolve', resolved],
      ['nodes', Math.max(lastNodeWrite, resolved)],
      ['relationships', ended.value],
    ].slice(0, dryRun ? 2 : 4) as [string, number][];
    const phases: ImportProfile['phases'] = {};
    const peaks: ImportProfile['memory'] = {};
    let from = started;
    for (const [phase, to] of bounds) {
      const ms = Math.max(0, to - from);
      phases[phase] = {
        ms: Math.round(ms),
        recordsPerSecond: Math.round(summary.records / (ms / 1000)),
      };
      const within = memory.samples.filter(([at]) => at >= from - started && at <= to - started);
      peaks[phase] = {
        rssMb: Math.round(Math.max(0, ...within.map(([, rss]) => rss)) / MB),
        heapUsedMb: Math.round(Math.max(0, ...within.map(([, , heap]) => heap)) / MB),
      };
      from = to;
    }
    const elapsedMs = Math.round(ended.value - started);
    return {
      file,
      records: summary.records,
      batchSize,
      writers,
      elapsedMs,
      recordsPerSecond: Math.round(summary.records / (elapsedMs / 1000)),
      phases,
      queries: Object.fromEntries(
        Object.entries(queries).map(([k, v]) => [
          k,
          { calls: v.calls, ms: Math.round(v.ms), maxMs: Math.round(v.maxMs) },
        ]),
      ),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      memory: peaks,
    };
  } finally {
    await base.close();
  }
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'batch-size': { type: 'string' },
      writers: { type: 'string' },
      keep: { type: 'boolean' },
      upserts: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'memory-log': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file)
    throw new Error(
      'usage: node bench/import/profile.ts FILE [--batch-size N] [--writers N] [--keep] [--upserts] [--dry-run] [--memory-log] [--json]',
    );
  const profile = await profileImport(file, {
    batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
    writers: values.writers ? Number(values.writers) : undefined,
    keep: values.keep,
    upserts: values.upserts,
    dryRun: values['dry-run'],
    memoryLog: values['memory-log'],
  });
  console.log(values.json ? JSON.stringify(profile) : JSON.stringify(profile, null, 2));
}
