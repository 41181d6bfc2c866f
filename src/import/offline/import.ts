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
  emptyCounts,
  emptySummary,
  type ImportSummary,
  type Progress,
  reporter,
} from '../pipeline.ts';
import type { ImportRecord, Position, RecordInput } from '../records.ts';
import { type RepeatedIds, type Resolver, referencesOf } from '../resolve.ts';
import {
  type Naming,
  type NodeRow,
  namesOf,
  nodeRow,
  type RelationshipRow,
  type ResolveRef,
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
  items: { position: Position; record: ImportRecord; id: string }[];
  named: Promise<(Naming | null)[]>;
}

/**
 * Bytes of page cache resolution's working set takes by default on this route: its first pass
 * only appends (src/import/resolve.ts) and its database is empty, so nothing is looked up at
 * random in it; 64 MB (the transactional default) and the sorts at settle's end were 80 MB of
 * the 1M route's peak.
 */
export const OFFLINE_MEMORY_BUDGET = 16 * 2 ** 20;

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
 *
 * A record with an id that refers to others by id only has rows that resolution leaves as they
 * are: those are written while the check reads them (and deleted if it fails), so that most
 * records are read once. The others (no id, a reference by name) are written in a second pass,
 * once resolution is done; so is every record when some entity has several records, which
 * must be united (rows.ts).
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
  const fresh = (resolve: ResolveRef, repeated?: RepeatedIds) => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return new RowWriter(dir, summary, resolve, repeated);
  };
  let rows = summary.dryRun ? undefined : fresh(byId);
  let later = 0;
  let refused: { at: Position; error: CsvValueError } | undefined;
  const refuse = (error: unknown) => {
    if (!(error instanceof CsvValueError) || !rows) throw error;
    refused ??= { at: rows.at, error };
  };
  const early = (record: ImportRecord, position: Position) => {
    // Once an error is found nothing will be written: the check goes on without the rows.
    if (!rows || refused || summary.errorCount > 0) return undefined;
    if (!resolved(record)) {
      later += 1;
      return undefined;
    }
    return rows.add(record, position, record.id as string)?.catch(refuse);
  };
  let resolver: Resolver | undefined;
  try {
    const checked = await checkInputs(NOTHING_STORED, inputs, report, {
      memoryBudget: options.memoryBudget ?? OFFLINE_MEMORY_BUDGET,
      onProgress: options.onProgress,
      onValid: early,
      emptyDatabase: true,
    });
    resolver = checked.resolver;
    const { repeated, records } = checked;
    summary.records = records;
    if (summary.errorCount === 0 && !refused) await rows?.flush().catch(refuse);
    options.onStep?.('check');
    if (summary.errorCount > 0 || !rows) {
      summary.ok = summary.errorCount === 0;
      return undefined;
    }
    if (refused) throw refused.error;
    const resolve = resolver.resolve.bind(resolver);
    // Records of one entity are united: all are written again, now that they are known.
    if (repeated.size > 0) {
      await rows.close();
      summary.nodes = {};
      summary.relationships = {};
      rows = fresh(resolve, repeated);
    }
    rows.resolve = resolve;
    if (repeated.size > 0 || later > 0) {
      const written = (done: number) =>
        options.onProgress?.({ phase: 'nodes', done, total: records });
      for await (const { position, record } of checkedRecords(inputs, fingerprint)) {
        if (repeated.size === 0 && resolved(record)) continue;
        const pending = rows.add(record, position, resolver.idOf(record, position), written);
        if (pending) await pending;
      }
      await rows.flush();
    } else if (fingerprintOf(inputs) !== fingerprint) {
      throw changed(inputs.map((i) => i.name).join(', '));
    }
    const files = await rows.close();
    rows = undefined;
    options.onStep?.('csv');
    return files;
  } catch (error) {
    if (!(error instanceof CsvValueError) || !rows) throw error;
    const at = refused?.at ?? rows.at;
    report({ file: at.file, line: at.line, field: error.field, message: error.message });
    return undefined;
  } finally {
    resolver?.close();
    if (rows) {
      // Not written: nothing is left, and nothing is counted.
      await rows.close();
      rmSync(dir, { recursive: true, force: true });
      summary.nodes = {};
      summary.relationships = {};
    }
  }
}

/** A reference's id, for a record that refers by id only (as `Resolver.resolve` gives it). */
const byId: ResolveRef = (ref) => (typeof ref === 'string' ? ref : (ref as { id: string }).id);

/** Whether a record's rows are final before resolution: it has an id and refers by id only. */
function resolved(record: ImportRecord): boolean {
  if (typeof record.id !== 'string') return false;
  for (const { ref } of referencesOf(record)) {
    if (typeof ref === 'object' && ref !== null && 'name' in ref) return false;
  }
  return true;
}

/**
 * Records' rows into the CSV files, a chunk at a time: a chunk's names go to the naming thread
 * while the chunk before it is written here. Counts every node and relationship as created.
 */
class RowWriter {
  /** How references are resolved: by id alone while checking, then by the resolver. */
  resolve: ResolveRef;
  /** Where the record being written is (for held entities: their first record). */
  at: Position = { file: '', line: 0 };
  private readonly writer: AdminCsvWriter;
  private readonly summary: ImportSummary;
  private readonly repeated: RepeatedIds | undefined;
  private readonly naming = new NamingThread();
  private items: Chunk['items'] = [];
  private ahead: Chunk | undefined;
  private readonly held = new Map<string, Held>();
  private done = 0;
  private closed: Promise<CsvFiles> | undefined;

  constructor(dir: string, summary: ImportSummary, resolve: ResolveRef, repeated?: RepeatedIds) {
    this.writer = new AdminCsvWriter(dir);
    this.summary = summary;
    this.resolve = resolve;
    this.repeated = repeated;
  }

  /** Takes a record; a promise (to await) when a chunk was sent and the one before written. */
  add(
    record: ImportRecord,
    position: Position,
    id: string,
    written?: (done: number) => void,
  ): Promise<void> | undefined {
    this.items.push({ position, record, id });
    if (this.items.length < NAMING_CHUNK) return undefined;
    return this.send(written);
  }

  /** Writes every record taken, and the entities held to be united. */
  async flush(): Promise<void> {
    if (this.items.length > 0) await this.send();
    if (this.ahead) await this.write(this.ahead);
    this.ahead = undefined;
    for (const entity of this.held.values()) {
      this.at = entity.at;
      for (const row of uniteNodes(entity.nodes)) this.node(row);
      for (const row of uniteRelationships(entity.relationships)) this.relationship(row);
    }
    this.held.clear();
  }

  /** Ends the files and the naming thread; what neo4j-admin needs to load the files. */
  close(): Promise<CsvFiles> {
    this.closed ??= this.naming.close().then(() => this.writer.close());
    return this.closed;
  }

  private async send(written?: (done: number) => void): Promise<void> {
    const { items } = this;
    const chunk = { items, named: this.naming.compute(items.map((i) => namesOf(i.record))) };
    chunk.named.catch(() => {}); // awaited in `write`
    this.items = [];
    const before = this.ahead;
    this.ahead = chunk;
    if (before) await this.write(before);
    written?.(this.done);
  }

  private async write({ items, named }: Chunk): Promise<void> {
    const naming = await named;
    for (const [i, { position, record, id }] of items.entries()) {
      this.at = position;
      const own = nodeRow(record, id, this.resolve, naming[i]);
      const rels = relationshipRows(record, id, this.resolve);
      if (this.repeated && this.repeated.size > 0 && this.repeated.has(id)) {
        const entity = this.held.get(id) ?? { at: position, nodes: [], relationships: [] };
        entity.nodes.push(own);
        entity.relationships.push(...rels);
        this.held.set(id, entity);
      } else {
        this.node(own);
        for (const rel of rels) this.relationship(rel);
      }
      this.done += 1;
    }
    await this.writer.drained();
  }

  private node(row: NodeRow): void {
    this.writer.node(row);
    created(this.summary.nodes as Record<string, Counts>, row.kind);
  }

  private relationship(row: RelationshipRow): void {
    this.writer.relationship(row);
    created(this.summary.relationships, row.type);
  }
}

const created = (totals: Record<string, Counts>, name: string) => {
  totals[name] ??= emptyCounts();
  totals[name].created += 1;
};

const changed = (what: string) =>
  new Error(`${what} changed while it was imported: nothing was written; import it again`);

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
  for (const input of inputs) {
    for await (const item of input.read()) {
      if (item.error !== undefined) throw changed(`${item.position.file}:${item.position.line}`);
      yield item;
    }
  }
  if (fingerprintOf(inputs) !== fingerprint) throw changed(inputs.map((i) => i.name).join(', '));
}
