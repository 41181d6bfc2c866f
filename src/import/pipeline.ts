/**
 * The import pipeline. Pass 1 reads every input, validates each record and registers its id,
 * names and references; nothing is written when any record is invalid, any reference fails,
 * records of one entity disagree or a parent would close a cycle. A resume skips the batches its
 * checkpoint counts only once it has found them in the database. Pass 2 writes the nodes and pass 3 the relationships, in batches: one transaction per batch,
 * one UNWIND query per batch and phase. Every write is an upsert, or a create of what the
 * transaction found missing (src/import/write.ts), so a rerun after a failure completes the
 * import without duplicating anything.
 */
import { cypher } from '../db/cypher.ts';
import type { Database, Row, Transaction } from '../db/driver.ts';
import type { Kind } from '../model/kinds.ts';
import { describeCycle, partOfCycles } from '../model/part-of.ts';
import { nodeRounds, relationshipRounds } from './partition.ts';
import type { ImportIssue, ImportRecord, Position, RecordInput } from './records.ts';
import { checkRepeats } from './repeats.ts';
import { type RepeatedIds, Resolver } from './resolve.ts';
import {
  type NodeRow,
  nodeRow,
  type RelationshipRow,
  relationshipRows,
  uniteNodes,
  uniteRelationships,
} from './rows.ts';
import { validateRecord } from './validate.ts';
import { createdMeanwhile, type WriteOptions, writeNodes, writeRelationships } from './write.ts';

export type Phase = 'validate' | 'nodes' | 'relationships';

/**
 * Records a transaction takes. At 10k and 100k generated records, 10,000 imports 1.1-2x as fast
 * as 2,000 (bench/results/README.md); a batch of relationships then commits in about 2 s.
 */
export const DEFAULT_BATCH_SIZE = 10_000;

/**
 * Transactions written at once by default: one for a library caller (the API's mutations write in
 * one transaction anyway, and a caller counting batches sees one transaction each), two for the
 * command line, which measured 1.25-1.7× one writer's speed (bench/README.md, "Import: where
 * the time goes").
 */
export const DEFAULT_WRITERS = 1;
export const DEFAULT_CLI_WRITERS = 2;

export interface Progress {
  phase: Phase;
  /** Records processed in this phase. */
  done: number;
  /** Records in all inputs (known once validation is done). */
  total?: number;
}

/** Where a previous run stopped: batches of each phase that are already committed. */
export interface Checkpoint {
  nodes: number;
  relationships: number;
}

export interface ImportOptions {
  dryRun?: boolean;
  batchSize?: number;
  /** Stop collecting errors after this many (the import fails either way). */
  maxErrors?: number;
  onProgress?: (progress: Progress) => void;
  /** Skips batches a previous run committed (see `onBatch`). */
  resumeFrom?: Checkpoint;
  /** Called after each committed batch with the checkpoint to resume from. */
  onBatch?: (checkpoint: Checkpoint) => void | Promise<void>;
  /**
   * Transactions written at once (`--writers`): node batches split by id, relationship batches
   * so that no two transactions at once touch one node (src/import/partition.ts). Default
   * DEFAULT_WRITERS; one with `transaction`.
   */
  writers?: number;
  /**
   * Bytes of page cache that resolution's working set (ids, names, references; on disk) may
   * hold in memory before it spills to a temporary file.
   */
  memoryBudget?: number;
  /**
   * Write every batch in this transaction rather than one transaction per batch: all or
   * nothing, for the API's mutations.
   */
  transaction?: Transaction;
  /**
   * Write the nodes and relationships the database does not hold by the create path (one SET
   * each, src/import/write.ts) rather than as upserts. Default: without `transaction` only, since
   * a batch whose create met another writer's node is redone as upserts in a new transaction.
   */
  create?: boolean;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  ok: boolean;
  dryRun: boolean;
  records: number;
  /** Node outcomes per record type (empty for a dry run or a failed validation). */
  nodes: Partial<Record<Kind, Counts>>;
  /** Relationship outcomes per relationship type. */
  relationships: Record<string, Counts>;
  errors: ImportIssue[];
  /** All errors found, of which `errors` holds the first `maxErrors`. */
  errorCount: number;
  /** Batches skipped because a previous run had committed them. */
  skippedBatches: number;
  elapsedMs: number;
}

/**
 * A resume checkpoint that does not describe this database: it counts a batch as committed that
 * the database does not hold (or was written against another database or other file contents).
 */
export class StaleCheckpointError extends Error {
  override name = 'StaleCheckpointError';
}

/** Neo4j failed while writing; batches before `checkpoint` are committed. */
export class ImportWriteError extends Error {
  override name = 'ImportWriteError';
  readonly checkpoint: Checkpoint;
  constructor(message: string, checkpoint: Checkpoint, cause: unknown) {
    super(message, { cause });
    this.checkpoint = checkpoint;
  }
}

export const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

/** A summary before anything is done (the offline route's too). */
export const emptySummary = (dryRun = false): ImportSummary => ({
  ok: false,
  dryRun,
  records: 0,
  nodes: {},
  relationships: {},
  errors: [],
  errorCount: 0,
  skippedBatches: 0,
  elapsedMs: 0,
});

/** Counts every issue into `summary` and keeps the first `maxErrors` (default 100). */
export const reporter =
  (summary: ImportSummary, maxErrors = 100) =>
  (issue: ImportIssue) => {
    summary.errorCount += 1;
    if (summary.errors.length < maxErrors) summary.errors.push(issue);
  };

export async function runImport(
  db: Database,
  inputs: RecordInput[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress = options.onProgress ?? (() => {});
  const summary = emptySummary(options.dryRun);
  const report = reporter(summary, options.maxErrors);
  const finish = () => {
    resolver.close();
    summary.elapsedMs = Math.round(performance.now() - started);
    return summary;
  };

  // Pass 1: validate, register, resolve.
  const { resolver, repeated, records } = await checkInputs(db, inputs, report, {
    memoryBudget: options.memoryBudget,
    onProgress: progress,
  });
  summary.records = records;
  if (summary.errorCount > 0 || summary.dryRun) {
    summary.ok = summary.errorCount === 0;
    return finish();
  }

  // Passes 2 and 3: write nodes, then relationships, a window of `writers` batches at a time,
  // its rows split into transactions that touch no node twice at once (src/import/partition.ts);
  // the next window's rows are prepared while one is written.
  const writers = options.transaction ? 1 : Math.max(1, options.writers ?? DEFAULT_WRITERS);
  const checkpoint: Checkpoint = { nodes: 0, relationships: 0 };
  const resume = options.resumeFrom ?? { nodes: 0, relationships: 0 };
  const resolve = resolver.resolve.bind(resolver);
  const create = options.create ?? !options.transaction;
  const phases = [
    {
      phase: 'nodes' as const,
      missing: 'import/missing-nodes' as const,
      rows: (record: ImportRecord, id: string) => [nodeRow(record, id, resolve)],
      unite: (rows: WriteRow[]) => uniteNodes(rows as NodeRow[]),
      rounds: (rows: WriteRow[]) => nodeRounds(rows as NodeRow[], writers),
      // Resolution looked every id up: the create path need not ask again (src/import/write.ts).
      write: (tx: Transaction, rows: WriteRow[], how: WriteOptions) =>
        writeNodes(tx, rows as NodeRow[], {
          ...how,
          ...(how.create ? { held: resolver.held(rows.map((row) => (row as NodeRow).id)) } : {}),
        }),
      key: 'kind',
      totals: summary.nodes as Record<string, Counts>,
    },
    {
      phase: 'relationships' as const,
      missing: 'import/missing-relationships' as const,
      rows: (record: ImportRecord, id: string) => relationshipRows(record, id, resolve),
      unite: (rows: WriteRow[]) => uniteRelationships(rows as RelationshipRow[]),
      rounds: (rows: WriteRow[]) => relationshipRounds(rows as RelationshipRow[], writers),
      write: (tx: Transaction, rows: WriteRow[], how: WriteOptions) =>
        writeRelationships(tx, rows as RelationshipRow[], how),
      key: 'type',
      totals: summary.relationships,
    },
  ];
  for (const { phase, missing, rows, unite, rounds, write, key, totals } of phases) {
    /** One transaction's rows, written and counted. */
    const commit = async (batch: WriteRow[]) => {
      if (batch.length === 0) return;
      const work = (create: boolean) => (tx: Transaction) => write(tx, batch, { create });
      let written: Row[];
      if (options.transaction) written = await work(create)(options.transaction);
      else {
        try {
          written = await db.writeTransaction(work(create));
        } catch (error) {
          // Another import created one of these ids after this batch looked them up: the
          // transaction was rolled back whole, and the batch is redone as upserts, which unite
          // with what that import stored.
          if (!create || !createdMeanwhile(error)) throw error;
          written = await db.writeTransaction(work(false));
        }
      }
      for (const row of written) {
        const name = row[key] as string;
        totals[name] ??= emptyCounts();
        totals[name][row.status as keyof Counts] += 1;
      }
    };
    const writeWindow = async (batches: Batch[]) => {
      const toWrite: Batch[] = [];
      for (const batch of batches) {
        // Records of one entity in a batch become one row, and so do the relationships they
        // state (src/import/rows.ts); only repeated ids can state one twice.
        if (repeated.size > 0) batch.rows = unite(batch.rows);
        if (checkpoint[phase] + toWrite.length >= resume[phase]) {
          toWrite.push(batch);
          continue;
        }
        // Skipped only when it is there: the checkpoint may be older than the database's contents.
        const [row] = await db.read(cypher(missing), { rows: batch.rows });
        if ((row?.missing as number) > 0) {
          throw new StaleCheckpointError(
            `says ${resume[phase]} ${phase} batches are committed, but batch ${checkpoint[phase] + 1} ` +
              `(records ${batch.first}-${batch.last}) is not in the database: ${row?.missing} of its ` +
              `${batch.rows.length} ${phase} are missing`,
          );
        }
        summary.skippedBatches += 1;
        await committed(batch);
      }
      if (toWrite.length === 0) return;
      // Rows of one entity in two batches of the window become one row too (see above).
      const all = toWrite.flatMap((batch) => batch.rows);
      const united = repeated.size > 0 && toWrite.length > 1 ? unite(all) : all;
      for (const round of writers > 1 ? rounds(united) : [[united]]) {
        const failed = (await Promise.allSettled(round.map(commit))).find(
          (result) => result.status === 'rejected',
        );
        if (failed) throw writeError(phase, toWrite, round.length, checkpoint, failed.reason);
      }
      for (const batch of toWrite) await committed(batch);
    };
    const committed = async (batch: Batch) => {
      checkpoint[phase] += 1;
      await options.onBatch?.({ ...checkpoint });
      progress({ phase, done: batch.last, total: summary.records });
    };
    let batch: Batch = { rows: [], first: 1, last: 0 };
    let window: Batch[] = [];
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      await writing;
      writing = writeWindow(window);
      // Awaited before the next window or at the end; until then its failure waits there.
      writing.catch(() => {});
      window = [];
    };
    for await (const { position, record } of validRecords(inputs, report)) {
      for (const row of rows(record, resolver.idOf(record, position))) batch.rows.push(row);
      batch.last += 1;
      // A batch also closes at twice its size in rows: a record states up to thousands of
      // relationships (an event's attendees), and a window of such batches held 370k rows
      // and 345 MB live at 1M. The boundaries depend on the file alone, so --resume finds them.
      if (batch.last - batch.first + 1 < batchSize && batch.rows.length < 2 * batchSize) continue;
      window.push(batch);
      batch = { rows: [], first: batch.last + 1, last: batch.last };
      if (window.length >= writers) await flush();
    }
    if (batch.last >= batch.first) window.push(batch);
    if (window.length > 0) await flush();
    await writing;
  }
  summary.ok = true;
  return finish();
}

/**
 * Pass 1: validates every record of `inputs`, registers its id, names and references and
 * resolves them against `db`, then checks what only the whole input (and the database) can
 * tell: records of one entity agree, and no parent makes an entity part of itself. Every
 * problem goes to `report`. The caller closes the resolver. Shared by the offline route
 * (src/import/offline/), which writes what this resolves as neo4j-admin's files.
 */
export async function checkInputs(
  db: Database,
  inputs: RecordInput[],
  report: (issue: ImportIssue) => void,
  options: Pick<ImportOptions, 'memoryBudget' | 'onProgress'> & {
    /** Each valid record once registered (the offline route writes some rows meanwhile). */
    onValid?: (record: ImportRecord, position: Position) => Promise<void> | undefined;
    /** `db` holds nothing (the offline route's): its ids are not asked for. */
    emptyDatabase?: boolean;
  } = {},
): Promise<{ resolver: Resolver; repeated: RepeatedIds; records: number }> {
  const progress = options.onProgress ?? (() => {});
  let records = 0;
  // References are checked even when some records are invalid, so that one run reports all.
  const resolver = new Resolver(report, options.memoryBudget);
  const invalid = (record: Partial<ImportRecord> | undefined) => {
    records += 1;
    if (record) resolver.seeInvalid(record);
  };
  for await (const { position, record } of validRecords(inputs, report, invalid)) {
    records += 1;
    resolver.see(record, position);
    const valid = options.onValid?.(record, position);
    if (valid) await valid;
    if (records % 10_000 === 0) progress({ phase: 'validate', done: records });
  }
  progress({ phase: 'validate', done: records, total: records });
  await resolver.settle(db, options.emptyDatabase);
  // What only the whole input (and the database) can tell: records of one entity agree, and
  // no parent makes an entity part of itself.
  const repeated = resolver.repeatedIds();
  if (repeated.size > 0) {
    const idOf = resolver.idOf.bind(resolver);
    await checkRepeats(
      validRecords(inputs, () => {}),
      repeated,
      idOf,
      resolver.resolve.bind(resolver),
      report,
    );
  }
  // Every parent stated, by the plain field or by statements (the export writes those).
  const added = { [Symbol.iterator]: () => resolver.partOf() };
  for (const { edge, cycle } of await partOfCycles(db, added, resolver.parents())) {
    const { file, line, field } = edge.at;
    report({ file, line, field, message: describeCycle(cycle) });
  }
  return { resolver, repeated, records };
}

/** Reads every input and yields its valid records; reports the rest. */
export async function* validRecords(
  inputs: RecordInput[],
  report: (issue: ImportIssue) => void,
  onInvalid: (record: Partial<ImportRecord> | undefined) => void = () => {},
): AsyncGenerator<{ position: Position; record: ImportRecord }> {
  for (const input of inputs) {
    for await (const item of input.read()) {
      if (item.error !== undefined) {
        onInvalid(undefined);
        report({
          file: item.position.file,
          line: item.position.line,
          field: item.field ?? '',
          message: item.error,
        });
        continue;
      }
      const problems = validateRecord(item.record);
      if (problems.length > 0) {
        onInvalid(item.record);
        const id = typeof item.record.id === 'string' ? item.record.id : undefined;
        for (const { field, message } of problems) {
          report({
            file: item.position.file,
            line: item.position.line,
            field,
            message,
            ...(id ? { id } : {}),
          });
        }
        continue;
      }
      yield { position: item.position, record: item.record };
    }
  }
}

/** The rows of `batchSize` records (records first to last, counted from 1). */
interface Batch {
  rows: WriteRow[];
  first: number;
  last: number;
}

type WriteRow = NodeRow | RelationshipRow;

/** What failed, what is committed and what to do, for the batches of one window. */
function writeError(
  phase: keyof Checkpoint,
  batches: Batch[],
  transactions: number,
  checkpoint: Checkpoint,
  cause: unknown,
): ImportWriteError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const first = checkpoint[phase] + 1;
  const records = `records ${batches[0]?.first}-${batches.at(-1)?.last}`;
  const what =
    batches.length === 1 && transactions === 1
      ? `batch ${first} (${records}); that batch was rolled back, ${checkpoint[phase]} ${phase} ` +
        `batches before it are committed`
      : `batches ${first}-${first + batches.length - 1} (${records}), written in ${transactions} ` +
        `transactions at once: some of those may be committed, the failed one was rolled back; ` +
        `${checkpoint[phase]} ${phase} batches before them are committed`;
  return new ImportWriteError(
    `writing ${phase} failed in ${what}. Run the same import again to complete it ` +
      `(--resume skips the committed batches). Cause: ${reason}`,
    { ...checkpoint },
    cause,
  );
}
