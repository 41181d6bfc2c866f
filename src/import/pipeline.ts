/**
 * The import pipeline. Pass 1 reads every input, validates each record and registers its id,
 * names and references; nothing is written when any record is invalid, any reference fails,
 * records of one entity disagree or a parent would close a cycle. A resume skips the batches its
 * checkpoint counts only once it has found them in the database. Pass 2 writes the nodes and pass 3 the relationships, in batches: one transaction per batch,
 * one UNWIND query per batch and phase. Every write is an upsert, so a rerun after a failure
 * completes the import without duplicating anything.
 */
import { cypher } from '../db/cypher.ts';
import type { Database, Row, Transaction } from '../db/driver.ts';
import { CLAIM_PARAMETERS } from '../model/claims.ts';
import type { Kind } from '../model/kinds.ts';
import { describeCycle, partOfCycles } from '../model/part-of.ts';
import type { ImportIssue, ImportRecord, Position, RecordInput } from './records.ts';
import { checkRepeats } from './repeats.ts';
import { Resolver } from './resolve.ts';
import {
  type NodeRow,
  nodeRow,
  type RelationshipRow,
  relationshipRows,
  uniteNodes,
  uniteRelationships,
} from './rows.ts';
import { validateRecord } from './validate.ts';

export type Phase = 'validate' | 'nodes' | 'relationships';

/**
 * Records a transaction takes. At 10k and 100k generated records, 10,000 imports 1.1-2x as fast
 * as 2,000 (bench/results/README.md); a batch of relationships then commits in about 2 s.
 */
export const DEFAULT_BATCH_SIZE = 10_000;

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
   * Bytes of page cache that resolution's working set (ids, names, references; on disk) may
   * hold in memory before it spills to a temporary file.
   */
  memoryBudget?: number;
  /**
   * Write every batch in this transaction rather than one transaction per batch: all or
   * nothing, for the API's mutations.
   */
  transaction?: Transaction;
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

const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

export async function runImport(
  db: Database,
  inputs: RecordInput[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxErrors = options.maxErrors ?? 100;
  const progress = options.onProgress ?? (() => {});
  const summary: ImportSummary = {
    ok: false,
    dryRun: options.dryRun ?? false,
    records: 0,
    nodes: {},
    relationships: {},
    errors: [],
    errorCount: 0,
    skippedBatches: 0,
    elapsedMs: 0,
  };
  const report = (issue: ImportIssue) => {
    summary.errorCount += 1;
    if (summary.errors.length < maxErrors) summary.errors.push(issue);
  };
  const finish = () => {
    resolver.close();
    summary.elapsedMs = Math.round(performance.now() - started);
    return summary;
  };

  // Pass 1: validate, register, resolve.
  // References are checked even when some records are invalid, so that one run reports all.
  const resolver = new Resolver(report, options.memoryBudget);
  const invalid = (record: Partial<ImportRecord> | undefined) => {
    summary.records += 1;
    if (record) resolver.seeInvalid(record);
  };
  for await (const { position, record } of validRecords(inputs, report, invalid)) {
    summary.records += 1;
    resolver.see(record, position);
    if (summary.records % 10_000 === 0) progress({ phase: 'validate', done: summary.records });
  }
  progress({ phase: 'validate', done: summary.records, total: summary.records });
  await resolver.settle(db);
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
  if (summary.errorCount > 0 || summary.dryRun) {
    summary.ok = summary.errorCount === 0;
    return finish();
  }

  // Passes 2 and 3: write nodes, then relationships, batch by batch.
  const checkpoint: Checkpoint = { nodes: 0, relationships: 0 };
  const resume = options.resumeFrom ?? { nodes: 0, relationships: 0 };
  const phases = [
    {
      phase: 'nodes' as const,
      missing: 'import/missing-nodes',
      rows: (record: ImportRecord, id: string) => [
        nodeRow(record, id, resolver.resolve.bind(resolver)),
      ],
      unite: (rows: (NodeRow | RelationshipRow)[]) => uniteNodes(rows as NodeRow[]),
      write: (rows: (NodeRow | RelationshipRow)[]) =>
        writeBatch(db, options.transaction, 'import/upsert-nodes', rows, 'kind', summary.nodes),
    },
    {
      phase: 'relationships' as const,
      missing: 'import/missing-relationships',
      rows: (record: ImportRecord, id: string) =>
        relationshipRows(record, id, resolver.resolve.bind(resolver)),
      unite: (rows: (NodeRow | RelationshipRow)[]) => uniteRelationships(rows as RelationshipRow[]),
      write: (rows: (NodeRow | RelationshipRow)[]) =>
        writeBatch(
          db,
          options.transaction,
          'import/upsert-relationships',
          rows,
          'type',
          summary.relationships,
        ),
    },
  ];
  for (const { phase, missing, rows, unite, write } of phases) {
    let batch: (NodeRow | RelationshipRow)[] = [];
    let inBatch = 0;
    let done = 0;
    const flush = async () => {
      if (inBatch === 0) return;
      // Records of one entity in a batch become one row, and so do the relationships they
      // state (src/import/rows.ts); only repeated ids can state one twice.
      if (repeated.size > 0) batch = unite(batch);
      if (checkpoint[phase] < resume[phase]) {
        // Skipped only when it is there: the checkpoint may be older than the database's contents.
        const [row] = await db.read(cypher(missing), { rows: batch });
        if ((row?.missing as number) > 0) {
          throw new StaleCheckpointError(
            `says ${resume[phase]} ${phase} batches are committed, but batch ${checkpoint[phase] + 1} ` +
              `(records ${done - inBatch + 1}-${done}) is not in the database: ${row?.missing} of its ` +
              `${batch.length} ${phase} are missing`,
          );
        }
        summary.skippedBatches += 1;
      } else {
        try {
          await write(batch);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new ImportWriteError(
            `writing ${phase} failed in batch ${checkpoint[phase] + 1} (records ${done - inBatch + 1}-${done}); ` +
              `that batch was rolled back, ${checkpoint[phase]} ${phase} batches before it are committed. ` +
              `Run the same import again to complete it (--resume skips the committed batches). Cause: ${reason}`,
            { ...checkpoint },
            error,
          );
        }
      }
      checkpoint[phase] += 1;
      await options.onBatch?.({ ...checkpoint });
      batch = [];
      inBatch = 0;
      progress({ phase, done, total: summary.records });
    };
    for await (const { position, record } of validRecords(inputs, report)) {
      for (const row of rows(record, resolver.idOf(record, position))) batch.push(row);
      inBatch += 1;
      done += 1;
      if (inBatch >= batchSize) await flush();
    }
    await flush();
  }
  summary.ok = true;
  return finish();
}

/** Reads every input and yields its valid records; reports the rest. */
async function* validRecords(
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

/**
 * Sets the chosen values of the nodes or relationships whose stored claims an upsert joined
 * new ones to (the rows' `choose`: an id, an element id); the upserts set the rest themselves.
 */
export async function chooseClaimed(
  tx: Transaction,
  what: 'nodes' | 'relationships',
  written: Row[],
): Promise<void> {
  const ids = written.map((row) => row.choose).filter((id) => id != null);
  if (ids.length > 0) await tx.run(cypher(`claims/choose-${what}`), { ids, ...CLAIM_PARAMETERS });
}

async function writeBatch(
  db: Database,
  transaction: Transaction | undefined,
  query: string,
  rows: (NodeRow | RelationshipRow)[],
  key: 'kind' | 'type',
  totals: Record<string, Counts>,
): Promise<void> {
  if (rows.length === 0) return;
  const work = async (tx: Transaction): Promise<Row[]> => {
    const written = await tx.run(cypher(query), { rows });
    // Throwing here rolls the batch back: a row whose endpoint vanished is not half-written.
    if (written.length !== rows.length) {
      throw new Error(
        `expected ${rows.length} rows written, Neo4j wrote ${written.length}: an endpoint is missing`,
      );
    }
    await chooseClaimed(tx, key === 'kind' ? 'nodes' : 'relationships', written);
    return written;
  };
  const result = transaction ? await work(transaction) : await db.writeTransaction(work);
  for (const row of result) {
    const name = row[key] as string;
    totals[name] ??= emptyCounts();
    totals[name][row.status as keyof Counts] += 1;
  }
}
