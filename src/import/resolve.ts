/**
 * Reference resolution. The first pass over the inputs registers every record's id and names
 * and notes each reference it cannot check yet; `settle` then checks those against the
 * database in batches: ids must exist with the right kind, names must match exactly one
 * entity, and records without an id are matched by name or given a stable id. All of it is
 * kept in a working set on disk (src/import/scratch.ts), so that memory does not grow with
 * the file; the order of its rows is the order of the inputs, and so is that of the errors.
 */
import { createHash } from 'node:crypto';
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { type Kind, kindOfLabels, NAMED } from '../model/kinds.ts';
import type { Parents, PartOf } from '../model/part-of.ts';
import { LINKS } from '../model/relationships.ts';
import { nameKey, nameKeys } from '../names.ts';
import { IdTable } from './id-table.ts';
import type { ImportIssue, ImportRecord, NameCandidate, Position, Ref } from './records.ts';
import { statedItems, statementsOf } from './rows.ts';
import { Scratch } from './scratch.ts';

const LOOKUP_BATCH = 5000;

/**
 * Rows are kept in the order they were seen (rowid), which `settle` reads them in. A "self" is
 * a record's id, or for a record without one its slot: the file's number and the line. The
 * ids are in memory (src/import/id-table.ts); the first pass only appends names and
 * references, indexed once it ends, sorted: inserts at random into B-trees larger than the
 * page cache were most of the first pass at 1M records.
 */
const SCHEMA = `
  CREATE TABLE names (key TEXT NOT NULL, kind TEXT NOT NULL, self TEXT NOT NULL);
  CREATE TABLE pending_ids (id TEXT, targets TEXT, file INTEGER, line INTEGER, field TEXT);
  CREATE TABLE pending_names (key TEXT, name TEXT, targets TEXT, file INTEGER, line INTEGER,
    field TEXT);
  CREATE TABLE anonymous (slot TEXT PRIMARY KEY, kind TEXT, name TEXT, keys TEXT,
    file INTEGER, line INTEGER, id TEXT);
  CREATE TABLE name_ids (slot TEXT PRIMARY KEY, id TEXT) WITHOUT ROWID;
  CREATE TABLE repeated (id TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE stored_names (key TEXT, id TEXT, kind TEXT, name TEXT);
  CREATE TABLE part_of (self TEXT, ref TEXT, targets TEXT, file INTEGER, line INTEGER,
    field TEXT);
  CREATE TABLE parents (child TEXT, parent TEXT, UNIQUE (child, parent));
  CREATE TABLE looked_up (id TEXT PRIMARY KEY, held INTEGER NOT NULL) WITHOUT ROWID`;

/** Every reference a record holds, with the field it sits in and the kinds it may point at. */
export function* referencesOf(
  record: ImportRecord,
): Generator<{ field: string; ref: Ref; targets: readonly Kind[]; type?: string }> {
  for (const [i, ref] of (record.sources ?? []).entries()) {
    yield { field: `sources[${i}]`, ref, targets: ['source'] };
  }
  for (const { statement, index } of statementsOf(record)) {
    for (const [i, ref] of statement.sources.entries()) {
      yield { field: `statements[${index}].sources[${i}]`, ref, targets: ['source'] };
    }
  }
  for (const link of LINKS[record.type]) {
    for (const { item, path } of statedItems(record, link)) {
      const holder = item as Record<string, Ref>;
      if (link.key) {
        yield { field: `${path}.${link.key}`, ref: holder[link.key] as Ref, targets: link.targets };
      } else {
        yield { field: path, ref: item as Ref, targets: link.targets, type: link.type };
      }
      if (link.refProperty && holder[link.refProperty.key] !== undefined) {
        const { key, targets } = link.refProperty;
        yield { field: `${path}.${key}`, ref: holder[key] as Ref, targets };
      }
      for (const { key, targets } of link.identity ?? []) {
        if (targets && holder[key] !== undefined)
          yield { field: `${path}.${key}`, ref: holder[key] as Ref, targets };
      }
    }
  }
}

const nameSlot = (targets: readonly Kind[], key: string) => `${targets.join(',')}\u0000${key}`;
const describeTargets = (targets: readonly Kind[]) => targets.join(' or ');
const kinds = (targets: string) => targets.split(',') as Kind[];

/** The id a record without one gets when no entity matches its name. */
export function derivedId(kind: Kind, name: string): string {
  return `${kind}-${createHash('sha256').update(nameKey(name)).digest('hex').slice(0, 16)}`;
}

/** Ids that more than one record of the inputs comes to (src/import/repeats.ts checks them). */
export type RepeatedIds = Pick<ReadonlySet<string>, 'has' | 'size'>;

interface Located {
  file: number;
  line: number;
}

const NAME_COLUMNS = ['key', 'kind', 'self'] as const;
const PENDING_ID_COLUMNS = ['id', 'targets', 'file', 'line', 'field'] as const;

/** A row read a page at a time (Scratch.pages): its rowid is where the next page starts. */
interface Paged extends Located {
  seek: number;
}

interface AnonymousRow extends Paged {
  slot: string;
  kind: Kind;
  name: string;
  keys: string;
}

interface PendingNameRow extends Paged {
  key: string;
  name: string;
  targets: string;
  field: string;
}

interface PartOfRow extends Paged {
  self: string;
  ref: string;
  targets: string;
  field: string;
}

export class Resolver {
  private readonly scratch: Scratch;
  /** The inputs' file names, by number (rows hold the number). */
  private readonly files: string[] = [];
  private readonly fileNumbers = new Map<string, number>();
  private readonly report: (issue: ImportIssue) => void;

  /** `memoryBudget`: bytes of the working set held in memory before it spills to disk. */
  constructor(report: (issue: ImportIssue) => void, memoryBudget?: number) {
    this.report = report;
    this.scratch = new Scratch(SCHEMA, memoryBudget);
  }

  /** Frees the working set (the resolver answers nothing after this). */
  close(): void {
    this.scratch.close();
  }

  /** Bytes of the working set, in memory and on disk. */
  workingSetBytes(): number {
    return this.scratch.bytes();
  }

  private fileNumber(file: string): number {
    let number = this.fileNumbers.get(file);
    if (number === undefined) {
      number = this.files.push(file) - 1;
      this.fileNumbers.set(file, number);
    }
    return number;
  }

  private slotOf(at: Position): string {
    return `${this.fileNumber(at.file)}\u0000${at.line}`;
  }

  private position({ file, line }: Located): Position {
    return { file: this.files[file] as string, line };
  }

  private issue(at: Position, field: string, message: string, id?: string) {
    this.report({ file: at.file, line: at.line, field, message, ...(id ? { id } : {}) });
  }

  /** A name that matches several entities: AMBIGUOUS_NAME, with them as candidates. */
  private ambiguous(at: Position, field: string, message: string, candidates: NameCandidate[]) {
    this.report({
      file: at.file,
      line: at.line,
      field,
      message,
      code: 'AMBIGUOUS_NAME',
      candidates,
    });
  }

  /** Every id registered, in memory: a reference to an earlier record is checked at once. */
  private readonly ids = new IdTable();

  /** First pass: registers a valid record. */
  see(record: ImportRecord, at: Position): void {
    const kind = record.type;
    const file = this.fileNumber(at.file);
    const keys = NAMED.has(kind) || !record.id ? this.keysOf(record) : [];
    let self: string;
    if (record.id) {
      const known = this.ids.add(record.id, kind, file, at.line);
      if (known && known.kind !== kind) {
        this.issue(
          at,
          'id',
          `"${record.id}" is already the id of a ${known.kind} record (${this.position(known).file}:${known.line})`,
          record.id,
        );
      } else if (known) {
        this.scratch.run('INSERT OR IGNORE INTO repeated (id) VALUES (?)', record.id);
      }
      self = record.id;
    } else {
      self = this.slotOf(at);
      this.scratch.run(
        `INSERT INTO anonymous (slot, kind, name, keys, file, line) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET kind = excluded.kind, name = excluded.name,
           keys = excluded.keys, file = excluded.file, line = excluded.line`,
        self,
        kind,
        record.name as string,
        JSON.stringify(keys),
        file,
        at.line,
      );
    }
    if (NAMED.has(kind)) {
      for (const key of keys) {
        this.scratch.append('names', NAME_COLUMNS, key, kind, self);
      }
    }
    for (const { field, ref, targets, type } of referencesOf(record)) {
      // A parent, for the cycle check once every reference is resolved.
      if (type === 'PART_OF') {
        this.scratch.run(
          'INSERT INTO part_of (self, ref, targets, file, line, field) VALUES (?, ?, ?, ?, ?, ?)',
          self,
          JSON.stringify(ref),
          targets.join(','),
          file,
          at.line,
          field,
        );
      }
      if (typeof ref === 'object' && 'name' in ref) {
        this.scratch.run(
          `INSERT INTO pending_names (key, name, targets, file, line, field)
           VALUES (?, ?, ?, ?, ?, ?)`,
          nameKey(ref.name),
          ref.name,
          targets.join(','),
          file,
          at.line,
          field,
        );
        continue;
      }
      const id = typeof ref === 'string' ? ref : ref.id;
      const known = this.ids.get(id);
      if (known) {
        // An earlier record: check it now and keep nothing.
        if (!targets.includes(known.kind))
          this.issue(at, field, `"${id}" is a ${known.kind}, not a ${describeTargets(targets)}`);
        continue;
      }
      this.scratch.append(
        'pending_ids',
        PENDING_ID_COLUMNS,
        id,
        targets.join(','),
        file,
        at.line,
        field,
      );
    }
  }

  /**
   * Registers the id and kind of an invalid record, so that references to it do not add
   * "not found" errors to the one that explains it.
   */
  seeInvalid(record: Partial<ImportRecord>): void {
    const { id, type } = record;
    if (typeof id !== 'string' || !LINKS[type as Kind]) return;
    this.ids.add(id, type as Kind, this.fileNumber(''), 0);
  }

  private keysOf(record: ImportRecord): string[] {
    return nameKeys([
      record.name as string,
      record.nameEn as string,
      ...((record.aliases as string[]) ?? []),
    ]);
  }

  /**
   * After the first pass: checks what only the whole input and the database can tell.
   * `empty`: the database holds nothing (the offline route's), so its ids are not asked for.
   */
  async settle(db: Database, empty = false): Promise<void> {
    // Names are repeated only by records of one id (candidates are counted by id).
    this.scratch.flush();
    this.scratch.exec('CREATE INDEX names_by_key ON names (key)');
    await this.settleIds(db, empty);
    await this.lookupNames(db);
    for (const page of this.scratch.pages<AnonymousRow>(
      `SELECT rowid AS seek, slot, kind, name, keys, file, line FROM anonymous
       WHERE rowid > ? ORDER BY rowid LIMIT ${LOOKUP_BATCH}`,
      0,
    )) {
      for (const record of page) {
        const kind = record.kind;
        const name = record.name;
        const keys = JSON.parse(record.keys) as string[];
        const candidates = this.candidates(keys, [kind], name, record.slot);
        if (candidates.length > 1) {
          this.ambiguous(
            this.position(record),
            'name',
            `"${name}" matches ${candidates.length} ${kind}s (${candidates.map((c) => c.id).join(', ')}); give the record an id`,
            candidates,
          );
        } else {
          this.scratch.run(
            'UPDATE anonymous SET id = ? WHERE slot = ?',
            candidates[0]?.id ?? derivedId(kind, name),
            record.slot,
          );
        }
      }
    }
    await this.settleAnonymousIds(db);
    for (const page of this.scratch.pages<PendingNameRow>(
      `SELECT rowid AS seek, key, name, targets, file, line, field FROM pending_names
       WHERE rowid > ? ORDER BY rowid LIMIT ${LOOKUP_BATCH}`,
      0,
    )) {
      for (const pending of page) {
        const targets = kinds(pending.targets);
        const slot = nameSlot(targets, pending.key);
        if (this.scratch.get('SELECT 1 FROM name_ids WHERE slot = ?', slot)) continue;
        const name = pending.name;
        const candidates = this.candidates([pending.key], targets, name);
        const at = this.position(pending);
        if (candidates.length === 1) {
          this.scratch.run(
            'INSERT INTO name_ids (slot, id) VALUES (?, ?)',
            slot,
            candidates[0]?.id as string,
          );
        } else if (candidates.length === 0) {
          this.issue(at, pending.field, `no ${describeTargets(targets)} is named "${name}"`);
        } else {
          this.ambiguous(
            at,
            pending.field,
            `"${name}" is ambiguous: it names ${candidates.map((c) => c.id).join(', ')}; refer by id`,
            candidates,
          );
        }
      }
    }
  }

  /**
   * Ids of the inputs that the database holds as another kind, and references to ids that
   * neither the inputs nor the database hold (or hold as another kind), a batch at a time.
   */
  private async settleIds(db: Database, empty: boolean): Promise<void> {
    for (const page of empty ? [] : this.ids.pages(LOOKUP_BATCH)) {
      const stored = await this.lookupIds(
        db,
        page.map((row) => row.id),
      );
      this.lookedUp(
        page.map((row) => row.id),
        stored,
      );
      for (const row of page) {
        const kind = stored.get(row.id);
        if (kind && kind !== row.kind && row.line > 0) {
          this.issue(
            this.position(row),
            'id',
            `"${row.id}" is a ${kind} in the database, not a ${row.kind}`,
            row.id,
          );
        }
      }
    }
    // Each id referenced before its record (or not in the inputs), in the order first referenced.
    this.scratch.exec(`
      CREATE INDEX pending_ids_by_id ON pending_ids (id);
      CREATE TABLE pending_firsts AS
        SELECT id, min(rowid) AS first FROM pending_ids GROUP BY id ORDER BY first`);
    for (const page of this.scratch.pages<{ seek: number; id: string }>(
      `SELECT rowid AS seek, id FROM pending_firsts WHERE rowid > ? ORDER BY rowid
       LIMIT ${LOOKUP_BATCH}`,
      0,
    )) {
      const known = page.map(({ id }) => ({ id, kind: this.ids.get(id)?.kind }));
      const stored = await this.lookupIds(
        db,
        known.filter((row) => !row.kind).map((row) => row.id),
      );
      for (const { id, kind: inInputs } of known) {
        const kind = inInputs ?? stored.get(id);
        const uses = this.scratch.all<Located & { targets: string; field: string }>(
          'SELECT targets, file, line, field FROM pending_ids WHERE id = ? ORDER BY rowid',
          id,
        );
        for (const use of uses) {
          const targets = kinds(use.targets);
          if (!kind) {
            this.issue(
              this.position(use),
              use.field,
              `no ${describeTargets(targets)} has id "${id}" in the input or the database`,
            );
          } else if (!targets.includes(kind)) {
            this.issue(
              this.position(use),
              use.field,
              `"${id}" is a ${kind}, not a ${describeTargets(targets)}`,
            );
          }
        }
      }
    }
  }

  /** Notes whether the database held each of `ids` (`stored`: those it held). */
  private lookedUp(ids: string[], stored: Map<string, Kind>): void {
    this.scratch.run(
      `INSERT OR IGNORE INTO looked_up (id, held)
       SELECT value, value IN (SELECT value FROM json_each(?2)) FROM json_each(?1)`,
      JSON.stringify(ids),
      JSON.stringify([...stored.keys()]),
    );
  }

  /** Whether the database holds the ids that records without one were given, a batch at a time. */
  private async settleAnonymousIds(db: Database): Promise<void> {
    this.scratch.exec(`
      CREATE TABLE anonymous_ids AS
        SELECT DISTINCT id FROM anonymous
        WHERE id IS NOT NULL AND id NOT IN (SELECT id FROM looked_up)`);
    for (const page of this.scratch.pages<{ seek: number; id: string }>(
      `SELECT rowid AS seek, id FROM anonymous_ids WHERE rowid > ? ORDER BY rowid LIMIT ${LOOKUP_BATCH}`,
      0,
    )) {
      const ids = page.map((row) => row.id);
      this.lookedUp(ids, await this.lookupIds(db, ids));
    }
  }

  /**
   * After `settle` and `repeatedIds`: of the given ids, those resolution can vouch for, and
   * whether the database held each when it looked (settleIds). An id that several records
   * come to is left out: an earlier batch of this import may have created it since.
   */
  held(ids: string[]): Map<string, boolean> {
    const rows = this.scratch.all<{ id: string; held: number }>(
      `SELECT l.id, l.held FROM json_each(?) j JOIN looked_up l ON l.id = j.value
       WHERE NOT EXISTS (SELECT 1 FROM repeated r WHERE r.id = l.id)`,
      JSON.stringify(ids),
    );
    return new Map(rows.map((row) => [row.id, row.held === 1]));
  }

  /**
   * The distinct input records and stored entities of the given kinds that have one of the
   * keys, by id. A stored entity comes with its name; an input record with the name it
   * matched under (`matched`), as the input holds no other for it.
   */
  private candidates(
    keys: string[],
    targets: readonly Kind[],
    matched: string,
    self?: string,
  ): NameCandidate[] {
    const found = new Map<string, NameCandidate>();
    for (const key of keys) {
      const entries = [
        ...this.scratch.all<{ id: string; kind: Kind; name: undefined }>(
          'SELECT self AS id, kind, NULL AS name FROM names WHERE key = ? ORDER BY rowid',
          key,
        ),
        ...this.scratch.all<{ id: string; kind: Kind; name: string }>(
          'SELECT id, kind, name FROM stored_names WHERE key = ? ORDER BY rowid',
          key,
        ),
      ];
      for (const { id, kind, name } of entries) {
        if (!targets.includes(kind) || id === self) continue;
        // Another record without an id: the same entity, under the id it will get.
        const anonymous = id.includes('\u0000')
          ? this.scratch.get<{ kind: Kind; name: string; id: string | null }>(
              'SELECT kind, name, id FROM anonymous WHERE slot = ?',
              id,
            )
          : undefined;
        const resolved = anonymous
          ? (anonymous.id ?? derivedId(anonymous.kind, anonymous.name))
          : id;
        const known = name ?? anonymous?.name ?? found.get(resolved)?.name ?? matched;
        found.set(resolved, { id: resolved, name: known, kind });
      }
    }
    return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private async lookupIds(db: Database, ids: string[]): Promise<Map<string, Kind>> {
    const kinds = new Map<string, Kind>();
    for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
      const rows = await db.read(cypher('import/lookup-ids'), {
        ids: ids.slice(i, i + LOOKUP_BATCH),
      });
      for (const row of rows) {
        const kind = kindOfLabels(row.labels as string[]);
        if (kind) kinds.set(row.id as string, kind);
      }
    }
    return kinds;
  }

  /** The stored entities under every name key the inputs refer by or match records by. */
  private async lookupNames(db: Database): Promise<void> {
    this.scratch.exec(`
      CREATE TABLE lookup_keys AS
        SELECT key FROM pending_names UNION SELECT j.value FROM anonymous, json_each(keys) j`);
    for (const page of this.scratch.pages<{ seek: number; key: string }>(
      `SELECT rowid AS seek, key FROM lookup_keys WHERE rowid > ? ORDER BY rowid LIMIT ${LOOKUP_BATCH}`,
      0,
    )) {
      const rows = await db.read(cypher('import/lookup-names'), {
        keys: page.map((row) => row.key),
      });
      for (const row of rows) {
        const kind = kindOfLabels(row.labels as string[]);
        if (!kind) continue;
        this.scratch.run(
          'INSERT INTO stored_names (key, id, kind, name) VALUES (?, ?, ?, ?)',
          row.key as string,
          row.id as string,
          kind,
          row.name as string,
        );
      }
    }
    this.scratch.exec('CREATE INDEX stored_names_by_key ON stored_names (key)');
  }

  /**
   * After `settle`: ids that more than one record comes to, by its id or, for a record without
   * one, by the entity its name matched (or the id derived from it).
   */
  repeatedIds(): RepeatedIds {
    this.scratch.run(`
      INSERT OR IGNORE INTO repeated (id)
        SELECT id FROM anonymous WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1`);
    for (const page of this.scratch.pages<{ seek: number; id: string }>(
      `SELECT rowid AS seek, id FROM anonymous WHERE id IS NOT NULL AND rowid > ?
       ORDER BY rowid LIMIT ${LOOKUP_BATCH}`,
      0,
    )) {
      const recorded = page.filter(({ id }) => this.ids.get(id)).map(({ id }) => id);
      this.scratch.run(
        'INSERT OR IGNORE INTO repeated (id) SELECT value FROM json_each(?)',
        JSON.stringify(recorded),
      );
    }
    const size = this.scratch.get<{ n: number }>('SELECT count(*) AS n FROM repeated')?.n ?? 0;
    return {
      size,
      has: (id: string) =>
        this.scratch.get('SELECT 1 FROM repeated WHERE id = ?', id) !== undefined,
    };
  }

  /**
   * After `settle`: the parents the inputs state (PART_OF), from the id each child is written
   * under to the id its parent reference resolves to; those that did not resolve are reported.
   */
  *partOf(): Generator<PartOf<Position & { field: string }>> {
    for (const page of this.scratch.pages<PartOfRow>(
      `SELECT rowid AS seek, self, ref, targets, file, line, field FROM part_of
       WHERE rowid > ? ORDER BY rowid LIMIT ${LOOKUP_BATCH}`,
      0,
    )) {
      for (const row of page) {
        const self = row.self;
        const child = self.includes('\u0000') ? this.slotId(self) : self;
        const parent = this.resolve(JSON.parse(row.ref), kinds(row.targets));
        if (child && parent)
          yield { child, parent, at: { ...this.position(row), field: row.field } };
      }
    }
  }

  /** A hierarchy of parents kept in the working set, for the cycle check (src/model/part-of.ts). */
  parents(): Parents {
    return {
      add: (child, parent) =>
        this.scratch.run(
          'INSERT OR IGNORE INTO parents (child, parent) VALUES (?, ?)',
          child,
          parent,
        ),
      of: (id) =>
        this.scratch
          .all<{ parent: string }>('SELECT parent FROM parents WHERE child = ? ORDER BY rowid', id)
          .map((row) => row.parent),
    };
  }

  private slotId(slot: string): string | undefined {
    return (
      this.scratch.get<{ id: string | null }>('SELECT id FROM anonymous WHERE slot = ?', slot)
        ?.id ?? undefined
    );
  }

  /** After `settle`: the id a record is written under. */
  idOf(record: ImportRecord, at: Position): string {
    return record.id ?? (this.slotId(this.slotOf(at)) as string);
  }

  /** After `settle`: the id a reference points at. */
  resolve(ref: Ref, targets: readonly Kind[]): string {
    if (typeof ref === 'string') return ref;
    if ('id' in ref) return ref.id;
    return this.scratch.get<{ id: string }>(
      'SELECT id FROM name_ids WHERE slot = ?',
      nameSlot(targets, nameKey(ref.name)),
    )?.id as string;
  }
}
