/**
 * Reference resolution. The first pass over the inputs registers every record's id and names
 * and notes each reference it cannot check yet; `settle` then checks those against the
 * database in batches: ids must exist with the right kind, names must match exactly one
 * entity, and records without an id are matched by name or given a stable id.
 */
import { createHash } from 'node:crypto';
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { type Kind, kindOfLabels, NAMED } from '../model/kinds.ts';
import { LINKS } from '../model/relationships.ts';
import { nameKey, nameKeys } from '../names.ts';
import type { ImportIssue, ImportRecord, NameCandidate, Position, Ref } from './records.ts';
import { statedItems, statementsOf } from './rows.ts';

const LOOKUP_BATCH = 5000;

interface PendingName {
  key: string;
  name: string;
  targets: readonly Kind[];
  at: Position;
  field: string;
}

interface Anonymous {
  slot: string;
  kind: Kind;
  name: string;
  keys: string[];
  at: Position;
}

/** Every reference a record holds, with the field it sits in and the kinds it may point at. */
export function* referencesOf(
  record: ImportRecord,
): Generator<{ field: string; ref: Ref; targets: readonly Kind[] }> {
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
        yield { field: path, ref: item as Ref, targets: link.targets };
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

const slotOf = (at: Position) => `${at.file}\u0000${at.line}`;
const nameSlot = (targets: readonly Kind[], key: string) => `${targets.join(',')}\u0000${key}`;
const describeTargets = (targets: readonly Kind[]) => targets.join(' or ');

/** The id a record without one gets when no entity matches its name. */
export function derivedId(kind: Kind, name: string): string {
  return `${kind}-${createHash('sha256').update(nameKey(name)).digest('hex').slice(0, 16)}`;
}

export class Resolver {
  /** Ids of the records in the inputs, with their kind. */
  private readonly ids = new Map<string, { kind: Kind; at: Position }>();
  /**
   * Name keys of the records in the inputs: key → "kind\u0001id" entries (id or anonymous
   * slot) joined by "\u0002". Strings rather than arrays: this map holds every name of a
   * file of millions of records.
   */
  private readonly names = new Map<string, string>();
  private readonly pendingIds = new Map<
    string,
    { targets: readonly Kind[]; at: Position; field: string }[]
  >();
  private readonly pendingNames: PendingName[] = [];
  private readonly anonymous = new Map<string, Anonymous>();
  /** Results of `settle`: anonymous slots and name references, mapped to ids. */
  private readonly slotIds = new Map<string, string>();
  private readonly nameIds = new Map<string, string>();
  /** Ids that more than one record of the inputs has (src/import/repeats.ts checks them). */
  private readonly repeated = new Set<string>();

  private readonly report: (issue: ImportIssue) => void;

  constructor(report: (issue: ImportIssue) => void) {
    this.report = report;
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

  /** First pass: registers a valid record. */
  see(record: ImportRecord, at: Position): void {
    const kind = record.type;
    let self: string;
    if (record.id) {
      const known = this.ids.get(record.id);
      if (known && known.kind !== kind) {
        this.issue(
          at,
          'id',
          `"${record.id}" is already the id of a ${known.kind} record (${known.at.file}:${known.at.line})`,
          record.id,
        );
      }
      if (!known) this.ids.set(record.id, { kind, at });
      else if (known.kind === kind) this.repeated.add(record.id);
      self = record.id;
    } else {
      self = slotOf(at);
      const name = record.name as string;
      this.anonymous.set(self, { slot: self, kind, name, keys: this.keysOf(record), at });
    }
    if (NAMED.has(kind)) {
      const entry = `${kind}\u0001${self}`;
      for (const key of this.keysOf(record)) {
        const entries = this.names.get(key);
        if (entries === undefined) this.names.set(key, entry);
        else if (!entries.split('\u0002').includes(entry))
          this.names.set(key, `${entries}\u0002${entry}`);
      }
    }
    for (const { field, ref, targets } of referencesOf(record)) {
      if (typeof ref === 'object' && 'name' in ref) {
        this.pendingNames.push({ key: nameKey(ref.name), name: ref.name, targets, at, field });
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
      const list = this.pendingIds.get(id) ?? [];
      list.push({ targets, at, field });
      this.pendingIds.set(id, list);
    }
  }

  /**
   * Registers the id and kind of an invalid record, so that references to it do not add
   * "not found" errors to the one that explains it.
   */
  seeInvalid(record: Partial<ImportRecord>): void {
    const { id, type } = record;
    if (typeof id !== 'string' || !LINKS[type as Kind] || this.ids.has(id)) return;
    this.ids.set(id, { kind: type as Kind, at: { file: '', line: 0 } });
  }

  private keysOf(record: ImportRecord): string[] {
    return nameKeys([
      record.name as string,
      record.nameEn as string,
      ...((record.aliases as string[]) ?? []),
    ]);
  }

  /** After the first pass: checks what only the whole input and the database can tell. */
  async settle(db: Database): Promise<void> {
    const dbKinds = await this.lookupIds(db, [
      ...new Set([...this.ids.keys(), ...this.pendingIds.keys()]),
    ]);
    for (const [id, { kind, at }] of this.ids) {
      const stored = dbKinds.get(id);
      if (stored && stored !== kind && at.line > 0) {
        this.issue(at, 'id', `"${id}" is a ${stored} in the database, not a ${kind}`, id);
      }
    }
    for (const [id, uses] of this.pendingIds) {
      const kind = this.ids.get(id)?.kind ?? dbKinds.get(id);
      for (const use of uses) {
        if (!kind) {
          this.issue(
            use.at,
            use.field,
            `no ${describeTargets(use.targets)} has id "${id}" in the input or the database`,
          );
        } else if (!use.targets.includes(kind)) {
          this.issue(
            use.at,
            use.field,
            `"${id}" is a ${kind}, not a ${describeTargets(use.targets)}`,
          );
        }
      }
    }
    this.pendingIds.clear();

    const keys = new Set(this.pendingNames.map((p) => p.key));
    for (const record of this.anonymous.values()) for (const key of record.keys) keys.add(key);
    const stored = await this.lookupNames(db, [...keys]);

    for (const record of this.anonymous.values()) {
      const candidates = this.candidates(
        record.keys,
        [record.kind],
        stored,
        record.name,
        record.slot,
      );
      if (candidates.length > 1) {
        this.ambiguous(
          record.at,
          'name',
          `"${record.name}" matches ${candidates.length} ${record.kind}s (${candidates.map((c) => c.id).join(', ')}); give the record an id`,
          candidates,
        );
      } else {
        this.slotIds.set(record.slot, candidates[0]?.id ?? derivedId(record.kind, record.name));
      }
    }
    for (const pending of this.pendingNames) {
      const slot = nameSlot(pending.targets, pending.key);
      if (this.nameIds.has(slot)) continue;
      const candidates = this.candidates([pending.key], pending.targets, stored, pending.name);
      if (candidates.length === 1) {
        this.nameIds.set(slot, candidates[0]?.id as string);
      } else if (candidates.length === 0) {
        this.issue(
          pending.at,
          pending.field,
          `no ${describeTargets(pending.targets)} is named "${pending.name}"`,
        );
      } else {
        this.ambiguous(
          pending.at,
          pending.field,
          `"${pending.name}" is ambiguous: it names ${candidates.map((c) => c.id).join(', ')}; refer by id`,
          candidates,
        );
      }
    }
  }

  /**
   * The distinct input records and stored entities of the given kinds that have one of the
   * keys, by id. A stored entity comes with its name; an input record with the name it
   * matched under (`matched`), as the input holds no other for it.
   */
  private candidates(
    keys: string[],
    targets: readonly Kind[],
    stored: Map<string, [string, Kind, string][]>,
    matched: string,
    self?: string,
  ): NameCandidate[] {
    const found = new Map<string, NameCandidate>();
    for (const key of keys) {
      for (const [id, kind, name] of [...this.namesOf(key), ...(stored.get(key) ?? [])]) {
        if (!targets.includes(kind) || id === self) continue;
        // Another record without an id: the same entity, under the id it will get.
        const anonymous = id.includes('\u0000') ? this.anonymous.get(id) : undefined;
        const resolved = anonymous ? this.anonymousId(id) : id;
        if (!resolved) continue;
        const known = name ?? anonymous?.name ?? found.get(resolved)?.name ?? matched;
        found.set(resolved, { id: resolved, name: known, kind });
      }
    }
    return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private namesOf(key: string): [string, Kind, undefined][] {
    const entries = this.names.get(key);
    if (entries === undefined) return [];
    return entries.split('\u0002').map((entry) => {
      const [kind, id] = entry.split('\u0001') as [Kind, string];
      return [id, kind, undefined];
    });
  }

  private anonymousId(slot: string): string | undefined {
    const done = this.slotIds.get(slot);
    if (done) return done;
    const record = this.anonymous.get(slot);
    return record ? derivedId(record.kind, record.name) : undefined;
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

  private async lookupNames(
    db: Database,
    keys: string[],
  ): Promise<Map<string, [string, Kind, string][]>> {
    const found = new Map<string, [string, Kind, string][]>();
    for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
      const rows = await db.read(cypher('import/lookup-names'), {
        keys: keys.slice(i, i + LOOKUP_BATCH),
      });
      for (const row of rows) {
        const kind = kindOfLabels(row.labels as string[]);
        if (!kind) continue;
        const entries = found.get(row.key as string) ?? [];
        entries.push([row.id as string, kind, row.name as string]);
        found.set(row.key as string, entries);
      }
    }
    return found;
  }

  /**
   * After `settle`: ids that more than one record comes to, by its id or, for a record without
   * one, by the entity its name matched (or the id derived from it).
   */
  repeatedIds(): Set<string> {
    const repeated = new Set(this.repeated);
    const seen = new Set<string>();
    for (const id of this.slotIds.values()) {
      if (seen.has(id) || this.ids.has(id)) repeated.add(id);
      seen.add(id);
    }
    return repeated;
  }

  /** After `settle`: the id a record is written under. */
  idOf(record: ImportRecord, at: Position): string {
    return record.id ?? (this.slotIds.get(slotOf(at)) as string);
  }

  /** After `settle`: the id a reference points at. */
  resolve(ref: Ref, targets: readonly Kind[]): string {
    if (typeof ref === 'string') return ref;
    if ('id' in ref) return ref.id;
    return this.nameIds.get(nameSlot(targets, nameKey(ref.name))) as string;
  }
}
