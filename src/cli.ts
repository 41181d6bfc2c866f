#!/usr/bin/env node
import { once } from 'node:events';
/**
 * `accord`: the command line for batch jobs and operators. Each command is a thin shell over
 * the modules that do the work (import pipeline, export, merge, migrations, seed).
 */
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { keysCommand } from './auth/cli.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDatabase, type Database, DatabaseUnavailableError } from './db/driver.ts';
import { MigrationError, migrate } from './db/migrate.ts';
import { GRAPH_FORMATS, isGraphFormat } from './export/formats.ts';
import { ExportInputError, graphExportOptions, loadGraph } from './export/graph.ts';
import { exportRecords } from './export/records.ts';
import { extractCommand } from './extract/command.ts';
import { persistOperations } from './graphql/persisted.ts';
import { createSchema } from './graphql/schema.ts';
import { importFiles } from './import/files.ts';
import { importHeapMb, limitHeap, OFFLINE_HEAP_MB } from './import/heap.ts';
import {
  OFFLINE_MEMORY_BUDGET,
  type OfflineSummary,
  offlineImport,
  StoreRefusedError,
} from './import/offline/import.ts';
import { localStore } from './import/offline/store.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_CLI_WRITERS, type ImportSummary } from './import/pipeline.ts';
import { fileInput } from './import/read.ts';
import { formatIssue } from './import/records.ts';
import { DEFAULT_MEMORY_BUDGET } from './import/scratch.ts';
import { MergeError, mergeEntities } from './model/merge.ts';
import { seed } from './seed.ts';

/** An error meant for the user: printed without a stack trace, exit code 1. */
class CliError extends Error {}

const repeated = (value: string, previous: string[]) => [...previous, value];

/** `--memory` in bytes; undefined for each route's own default. */
const megabytes = (mb: number | undefined) => (mb === undefined ? undefined : mb * 2 ** 20);

/** Writes text to a file (created once the first text is there) or to standard output. */
async function writeOut(file: string | undefined, chunks: AsyncIterable<string>) {
  let out: NodeJS.WritableStream | undefined;
  for await (const chunk of chunks) {
    out ??= file ? createWriteStream(file) : process.stdout;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  if (file && out) {
    out.end();
    await once(out, 'finish');
  }
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
};

/** Connects, applies pending migrations (their names go to `work`), runs `work`, closes. */
async function withDatabase<T>(work: (db: Database, migrated: string[]) => Promise<T>): Promise<T> {
  const db = createDatabase(loadConfig().neo4j);
  try {
    await db.verify();
    return await work(db, await migrate(db));
  } finally {
    await db.close();
  }
}

function printSummary(summary: ImportSummary, json: boolean) {
  if (json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const out = summary.ok ? process.stdout : process.stderr;
  for (const issue of summary.errors) out.write(`error: ${formatIssue(issue)}\n`);
  if (summary.errorCount > summary.errors.length) {
    out.write(`... and ${summary.errorCount - summary.errors.length} more errors\n`);
  }
  const verdict = summary.ok
    ? summary.dryRun
      ? 'valid (dry run: nothing written)'
      : 'imported'
    : `invalid: ${summary.errorCount} errors, nothing written`;
  out.write(
    `${summary.records} records ${verdict} in ${(summary.elapsedMs / 1000).toFixed(1)} s\n`,
  );
  const table = (
    title: string,
    counts: Record<string, { created: number; updated: number; unchanged: number }>,
  ) => {
    const rows = Object.entries(counts);
    if (rows.length === 0) return;
    out.write(`${title.padEnd(16)} created  updated  unchanged\n`);
    for (const [name, c] of rows) {
      out.write(
        `  ${name.padEnd(14)} ${String(c.created).padStart(7)}  ${String(c.updated).padStart(7)}  ${String(c.unchanged).padStart(9)}\n`,
      );
    }
  };
  table('nodes', summary.nodes);
  table('relationships', summary.relationships);
  if (summary.skippedBatches > 0)
    out.write(`skipped ${summary.skippedBatches} batches committed by an earlier run\n`);
}

/** `accord import --offline`: src/import/offline/. */
async function importOffline(
  files: string[],
  options: { dryRun?: boolean; replace?: boolean; resume?: boolean; json: boolean } & Record<
    string,
    unknown
  >,
) {
  if (options.resume) throw new CliError('--resume does not go with --offline');
  for (const file of files) {
    if (file === '-') throw new CliError('--offline reads files, not standard input');
    if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
  }
  let summary: OfflineSummary;
  try {
    summary = await offlineImport(
      files.map((file) => fileInput(file)),
      {
        store: localStore(),
        dryRun: options.dryRun,
        replace: options.replace,
        maxErrors: options.maxErrors as number,
        memoryBudget: megabytes(options.memory as number | undefined),
      },
    );
  } catch (error) {
    if (error instanceof StoreRefusedError) throw new CliError(`refused: ${error.message}`);
    throw error;
  }
  printSummary(summary, options.json);
  if (summary.uri && !options.json) process.stderr.write(`Neo4j runs at ${summary.uri}\n`);
  if (!summary.ok) process.exitCode = 1;
}

export function cli(): Command {
  const program = new Command('accord')
    .description('Accord: a knowledge graph of partnership relations over Neo4j')
    .showHelpAfterError();

  program
    .command('import')
    .description('import records (NDJSON, JSON array or CSV files; - for NDJSON on stdin)')
    .argument('<files...>', 'files to import, validated together')
    .option('--dry-run', 'validate and resolve references; write nothing')
    .option(
      '--batch-size <n>',
      'records per transaction (a batch closes early at twice as many rows)',
      positiveInt,
      DEFAULT_BATCH_SIZE,
    )
    .option(
      '--writers <n>',
      'transactions written at once, none touching a node another touches',
      positiveInt,
      DEFAULT_CLI_WRITERS,
    )
    .option('--max-errors <n>', 'errors to report at most', positiveInt, 100)
    .option('--resume', 'skip batches that an interrupted run of the same import committed')
    .option(
      '--memory <mb>',
      `megabytes of resolution working set kept in memory before it spills to disk (default ${DEFAULT_MEMORY_BUDGET / 2 ** 20}; ${OFFLINE_MEMORY_BUDGET / 2 ** 20} with --offline)`,
      positiveInt,
    )
    .option(
      '--offline',
      "load an empty, stopped local launcher's store with neo4j-admin, then start and migrate it",
    )
    .option('--replace', 'with --offline: delete a database that holds data first')
    .option('--json', 'print the summary as JSON')
    .action(async (files: string[], options) => {
      // Large files: restarts under a heap limit, so that memory stays bounded by the batches
      // (the offline route's too, its own: 969 MB at 1M without it).
      limitHeap(
        files,
        options.offline ? OFFLINE_HEAP_MB : importHeapMb(options.batchSize, options.writers),
      );
      if (options.offline) return importOffline(files, options);
      if (options.replace) throw new CliError('--replace goes with --offline');
      const summary = await withDatabase((db) =>
        importFiles(db, files, {
          dryRun: options.dryRun,
          batchSize: options.batchSize,
          writers: options.writers,
          memoryBudget: megabytes(options.memory),
          maxErrors: options.maxErrors,
          resume: options.resume,
          progress: !options.json && process.stderr.isTTY,
        }),
      );
      printSummary(summary, options.json);
      if (!summary.ok) process.exitCode = 1;
    });

  program
    .command('seed')
    .description('load the seed data (data/seed/) into the database')
    .option('--json', 'print the summary as JSON')
    .action(async (options) => {
      printSummary(await withDatabase((db) => seed(db)), options.json);
    });

  program
    .command('migrate')
    .description('apply pending schema migrations')
    .action(async () => {
      const applied = await withDatabase(async (_db, migrated) => migrated);
      console.log(
        applied.length === 0 ? 'migrations are up to date' : `applied ${applied.join(', ')}`,
      );
    });

  program
    .command('export')
    .description(
      'write the graph: in the import format (ndjson, sorted deterministically), or for ' +
        'visualisation tools (cytoscape: Cytoscape.js JSON, graphml, gexf): the whole graph ' +
        'or the neighbourhood of --seed entities',
    )
    .option('--format <format>', 'ndjson, cytoscape, graphml or gexf', 'ndjson')
    .option('--seed <id>', 'an entity whose neighbourhood to export (repeatable)', repeated, [])
    .option('--depth <n>', 'relationships from the seeds, 0 to 3 (default 1)')
    .option('--as-of <date>', 'leave out what was not valid on this date (YYYY-MM-DD)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options) => {
      const format = options.format as string;
      if (format !== 'ndjson' && !isGraphFormat(format)) {
        throw new CliError(
          `unknown export format "${format}"; use ndjson, cytoscape, graphml or gexf`,
        );
      }
      if (format !== 'ndjson') {
        const graphOptions = graphExportOptions({
          seeds: options.seed,
          depth: options.depth,
          asOf: options.asOf,
        });
        await withDatabase(async (db) => {
          const graph = await loadGraph(db, graphOptions);
          await writeOut(options.out, GRAPH_FORMATS[format].write(graph));
        });
        if (options.out) console.error(`exported the ${format} graph to ${options.out}`);
        return;
      }
      if (options.seed.length > 0 || options.depth !== undefined || options.asOf !== undefined) {
        throw new CliError(
          'ndjson exports the whole graph as import records; --seed, --depth and --as-of apply to cytoscape, graphml and gexf',
        );
      }
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      let count = 0;
      await withDatabase(async (db) => {
        for await (const record of exportRecords(db)) {
          count += 1;
          if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
        }
      });
      if (options.out) {
        out.end();
        await once(out, 'finish');
        console.error(`exported ${count} records to ${options.out}`);
      }
    });

  program
    .command('merge')
    .description('merge duplicate entities into one, in one transaction')
    .argument('<keep>', 'id of the entity that stays')
    .argument('<duplicates...>', 'ids of the entities merged into it and removed')
    .action(async (keep: string, duplicates: string[]) => {
      const result = await withDatabase((db) => mergeEntities(db, keep, duplicates));
      console.log(
        `merged ${result.merged.join(', ')} into ${result.id} (${result.kind}); moved ${result.movedRelationships} relationships`,
      );
    });

  program
    .command('persist')
    .description(
      'build the allow-list manifest (ACCORD_PERSISTED_OPERATIONS) from .graphql files: ' +
        'each named operation, checked against the schema, keyed by its SHA-256',
    )
    .argument('<files...>', '.graphql files with the operations clients may run')
    .option('--out <file>', 'write the manifest here instead of standard output')
    .action((files: string[], options) => {
      const sources = files.map((name) => {
        try {
          return { name, text: readFileSync(name, 'utf8') };
        } catch (error) {
          throw new CliError(`cannot read ${name}: ${(error as Error).message}`);
        }
      });
      const { manifest, operations } = persistOperations(sources, createSchema());
      const json = `${JSON.stringify(manifest, null, 2)}\n`;
      if (options.out) writeFileSync(options.out, json);
      else process.stdout.write(json);
      for (const { name, id } of operations) console.error(`${name}\tsha256:${id}`);
    });

  extractCommand(program);

  program.addCommand(keysCommand());

  return program;
}

if (import.meta.main) {
  try {
    await cli().parseAsync();
  } catch (error) {
    const known =
      error instanceof CliError ||
      error instanceof ConfigError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof MigrationError ||
      error instanceof MergeError ||
      error instanceof ExportInputError ||
      (error instanceof Error &&
        (error.name === 'ImportWriteError' || error.name === 'StaleCheckpointError'));
    if (!known) throw error;
    console.error(`accord: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
