/**
 * The offline route (`accord import --offline`): for an empty database and a large file, the
 * import's own validation and resolution (src/import/pipeline.ts checkInputs: every error
 * reported as the transactional import reports it, nothing written if there is any), then each
 * record's node and relationship rows (src/import/rows.ts) as neo4j-admin's CSV files
 * (./csv.ts), loaded by `neo4j-admin database import full` into the local launcher's stopped
 * store, which is then started and migrated (the constraints and indexes). The graph is the
 * one a transactional import into an empty database writes.
 *
 * Resolution runs against nothing stored: the store is refused unless it is absent or has
 * never held a node (./store.ts). Records of one entity (the resolver's repeated ids) are
 * united, as the transactional import unites those of one batch, and written once at the end:
 * every relationship has its record's entity at one end, so only those records can state one
 * twice.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config.ts';
import { cypher } from '../../db/cypher.ts';
import { createDatabase, type Database } from '../../db/driver.ts';
import { migrate, recordDataMigrations } from '../../db/migrate.ts';
import {
  type Counts,
  checkInputs,
  emptySummary,
  type ImportSummary,
  type Progress,
  reporter,
} from '../pipeline.ts';
import type { ImportRecord, Position, RecordInput } from '../records.ts';
import {
  type Naming,
  type NodeRow,
  namesOf,
  nodeRow,
  type RelationshipRow,
  relationshipRows,
  uniteNodes,
  uniteRelationships,
} from '../rows.ts';
import { AdminCsvWriter, type CsvFiles, CsvValueError } from './csv.ts';
import { NamingThread } from './naming.ts';
import {
  adminImport,
  type LocalStore,
  StoreRefusedError,
  startStore,
  storeState,
} from './store.ts';

export { StoreRefusedError } from './store.ts';

/** Records of one entity, written united once all are read. */
interface Held {
  at: Position;
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

/** Records named on the other thread at a time. */
const NAMING_CHUNK = 2000;

/** Records read, and their names' keys and terms on their way from the naming thread. */
interface Chunk {
  items: { position: Position; record: ImportRecord }[];
  named: Promise<(Naming | null)[]>;
}

/** Resolution's look-ups in a store that holds nothing: they find nothing. */
const NOTHING_STORED = { read: async () => [] } as unknown as Database;

export interface OfflineOptions {
  store: LocalStore;
  /** Replace a database that holds data (neo4j-admin's --overwrite-destination). */
  replace?: boolean;
  dryRun?: boolean;
  maxErrors?: number;
  memoryBudget?: number;
  onProgress?: (progress: Progress) => void;
}

export interface OfflineSummary extends ImportSummary {
  /** The started database's Bolt URI (absent for a dry run or a refused input). */
  uri?: string;
  /** This process's peak resident memory in MB: the Node side (neo4j-admin and Neo4j run apart). */
  peakRssMb?: number;
  /** Milliseconds of each step. */
  steps: Partial<Record<'check' | 'csv' | 'admin' | 'start' | 'migrate', number>>;
}

/** Validates, resolves, writes CSV, runs neo4j-admin, starts and migrates the store. */
export async function offlineImport(
  inputs: RecordInput[],
  options: OfflineOptions,
): Promise<OfflineSummary> {
  const started = performance.now();
  const { store } = options;
  const summary: OfflineSummary = { ...emptySummary(options.dryRun), steps: {} };
  let stepStarted = started;
  const step = (name: keyof OfflineSummary['steps']) => {
    const now = performance.now();
    summary.steps[name] = Math.round(now - stepStarted);
    stepStarted = now;
  };
  const finish = () => {
    summary.elapsedMs = Math.round(performance.now() - started);
    summary.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return summary;
  };

  // Refused before any work: a running server, or a database that holds something.
  const state = options.dryRun ? 'absent' : await storeState(store);
  if (state === 'used' && !options.replace) {
    throw new StoreRefusedError(
      `the database in ${store.dir} has held nodes (perhaps only the migrations' records): ` +
        `the offline import writes an empty database only. Import transactionally, or pass ` +
        `--replace to delete that database and everything in it first`,
    );
  }

  const csvDir = join(store.dir, 'offline-import');
  try {
    const files = await writeAdminFiles(inputs, csvDir, summary, { ...options, onStep: step });
    if (!files) return finish();
    await adminImport(store, files.adminArguments, state !== 'absent');
    step('admin');
    summary.uri = await startStore(store);
    step('start');
    const db = createDatabase({ ...loadConfig().neo4j, uri: summary.uri });
    try {
      await db.verify();
      // The data migrations would take this graph for one written before them (claims absent
      // where a record states none): it is in their shape already. Then the schema is built.
      await recordDataMigrations(db);
      await migrate(db);
      // neo4j-admin writes no empty list (./csv.ts): the few nodes that store one get it here.
      if (files.emptyLists.length > 0) {
        await db.writeTransaction((tx) =>
          tx.run(cypher('import/offline-empty-lists'), { rows: files.emptyLists }),
        );
      }
    } finally {
      await db.close();
    }
    step('migrate');
  } finally {
    rmSync(csvDir, { recursive: true, force: true });
  }
  summary.ok = true;
  return finish();
}

/**
 * Validates and resolves `inputs` as the transactional import does (against nothing stored),
 * then writes their rows as neo4j-admin's CSV files into `dir` (emptied first). Fills in
 * `summary`: records, errors, and each node and relationship as created. Undefined when there
 * are errors (or for a dry run): then no file is left.
 */
export async function writeAdminFiles(
  inputs: RecordInput[],
  dir: string,
  summary: ImportSummary,
  options: Pick<OfflineOptions, 'maxErrors' | 'memoryBudget' | 'onProgress'> & {
    onStep?: (step: 'check' | 'csv') => void;
  } = {},
): Promise<CsvFiles | undefined> {
  const report = reporter(summary, options.maxErrors);
  const fingerprint = fingerprintOf(inputs);
  const { resolver, repeated, records } = await checkInputs(NOTHING_STORED, inputs, report, {
    memoryBudget: options.memoryBudget,
    onProgress: options.onProgress,
  });
  summary.records = records;
  options.onStep?.('check');
  if (summary.errorCount > 0 || summary.dryRun) {
    resolver.close();
    summary.ok = summary.errorCount === 0;
    return undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const writer = new AdminCsvWriter(dir);
  const count = (totals: Record<string, Counts>, name: string) => {
    totals[name] ??= { created: 0, updated: 0, unchanged: 0 };
    totals[name].created += 1;
  };
  const node = (row: NodeRow) => {
    writer.node(row);
    count(summary.nodes as Record<string, Counts>, row.kind);
  };
  const relationship = (row: RelationshipRow) => {
    writer.relationship(row);
    count(summary.relationships, row.type);
  };
  const resolve = resolver.resolve.bind(resolver);
  /** Where the record being written is (for held entities: their first record). */
  let at: Position = { file: '', line: 0 };
  const held = new Map<string, Held>();
  let done = 0;
  const naming = new NamingThread();
  /** Writes a chunk of records once the naming thread has named them. */
  const write = async ({ items, named }: Chunk) => {
    const naming = await named;
    for (const [i, { position, record }] of items.entries()) {
      at = position;
      const id = resolver.idOf(record, position);
      const own = nodeRow(record, id, resolve, naming[i]);
      const rels = relationshipRows(record, id, resolve);
      if (repeated.size > 0 && repeated.has(id)) {
        const entity = held.get(id) ?? { at: position, nodes: [], relationships: [] };
        entity.nodes.push(own);
        entity.relationships.push(...rels);
        held.set(id, entity);
      } else {
        node(own);
        for (const rel of rels) relationship(rel);
      }
      done += 1;
      if (done % 10_000 === 0) options.onProgress?.({ phase: 'nodes', done, total: records });
    }
    await writer.drained();
  };
  try {
    // One chunk is named on the other thread while the one before it is written here.
    let items: Chunk['items'] = [];
    let ahead: Chunk | undefined;
    const send = async () => {
      const chunk = { items, named: naming.compute(items.map((item) => namesOf(item.record))) };
      chunk.named.catch(() => {}); // awaited in `write`
      items = [];
      if (ahead) await write(ahead);
      ahead = chunk;
    };
    for await (const item of checkedRecords(inputs, fingerprint)) {
      items.push(item);
      if (items.length >= NAMING_CHUNK) await send();
    }
    if (items.length > 0) await send();
    if (ahead) await write(ahead);
    for (const entity of held.values()) {
      at = entity.at;
      for (const row of uniteNodes(entity.nodes)) node(row);
      for (const row of uniteRelationships(entity.relationships)) relationship(row);
    }
  } catch (error) {
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
    if (!(error instanceof CsvValueError)) throw error;
    report({ file: at.file, line: at.line, field: error.field, message: error.message });
    summary.nodes = {};
    summary.relationships = {};
    return undefined;
  } finally {
    resolver.close();
    await naming.close();
  }
  const files = await writer.close();
  options.onStep?.('csv');
  return files;
}

/** Each input that is a file: its size and modification time, to tell that it did not change. */
function fingerprintOf(inputs: RecordInput[]): string {
  return inputs
    .map(({ name }) => {
      const stat = statSync(name, { throwIfNoEntry: false });
      return stat?.isFile() ? `${stat.size}:${stat.mtimeMs}` : '';
    })
    .join('|');
}

/**
 * The records of `inputs` as `checkInputs` found them all valid, read again without being
 * validated again (that was a sixth of the Node side's time): an input that no longer reads as
 * it did, or a file that changed since, fails the import rather than be written unchecked.
 */
async function* checkedRecords(
  inputs: RecordInput[],
  fingerprint: string,
): AsyncGenerator<{ position: Position; record: ImportRecord }> {
  const changed = (what: string) =>
    new Error(`${what} changed while it was imported: nothing was written; import it again`);
  for (const input of inputs) {
    for await (const item of input.read()) {
      if (item.error !== undefined) throw changed(`${item.position.file}:${item.position.line}`);
      yield item;
    }
  }
  if (fingerprintOf(inputs) !== fingerprint) throw changed(inputs.map((i) => i.name).join(', '));
}
