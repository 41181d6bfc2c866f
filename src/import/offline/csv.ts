/**
 * Node and relationship rows (src/import/rows.ts) as the CSV files of neo4j-admin's offline
 * importer: one file per label and one per relationship type, each holding every property the
 * create path (cypher/import/create-*.cypher) would SET, with its type in the header (`:long`
 * for whole numbers, `:string[]` for lists), so that the imported graph is the one a
 * transactional import into an empty database writes.
 *
 * neo4j-admin's CSV rules: every text is quoted, a quote doubled; a quoted field may hold a
 * line break only in a file named in `--multiline-fields` (which slows the importer, so only
 * the files that hold one are named); an empty cell is an absent property. List items are
 * separated by U+001F (the unit separator), which no import text is expected to hold: one that
 * does is refused rather than split. neo4j-admin reads an empty list as no property at all, so
 * the nodes that store one are returned, to be set once the database runs.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { INTEGER_FIELDS, LIST_CLAIMS } from '../../model/claims.ts';
import { KINDS, type Kind, LIST_PROPERTIES, NAMED, PROPERTIES } from '../../model/kinds.ts';
import { carried, LINKS } from '../../model/relationships.ts';
import {
  type NodeRow,
  newNodeProperties,
  newRelationshipProperties,
  type RelationshipRow,
} from '../rows.ts';

/** The array delimiter passed to neo4j-admin (`--array-delimiter=U+001F`). */
export const ARRAY_DELIMITER = '\u001f';

type Column = { name: string; type: 'string' | 'long' | 'string[]' };

const columnOf = (name: string, lists: readonly string[]): Column => ({
  name,
  type: lists.includes(name) ? 'string[]' : INTEGER_FIELDS.includes(name) ? 'long' : 'string',
});

/** A node's properties besides its id, as newNodeProperties writes them. */
function nodeColumns(kind: Kind): Column[] {
  const lists = ['claims', 'sources', ...LIST_PROPERTIES[kind], 'searchTerms'];
  const names = [
    'claims',
    ...PROPERTIES[kind],
    'sources',
    ...LIST_PROPERTIES[kind],
    ...(NAMED.has(kind) ? ['searchTerms', 'nameKeys'] : []),
  ];
  return names.map((name) => columnOf(name, lists));
}

/** A relationship type's properties: what each link of that type carries, sources and claims. */
function relationshipColumns(type: string): Column[] {
  const names = new Set<string>();
  for (const kind of KINDS) {
    for (const link of LINKS[kind])
      if (link.type === type) for (const p of carried(link)) names.add(p);
  }
  const lists = ['sources', 'claims', 'roles', ...LIST_CLAIMS];
  return [...names, 'sources', 'claims'].map((name) => columnOf(name, lists));
}

const HEADER_TYPE = { string: '', long: ':long', 'string[]': ':string[]' } as const;

/** A value neo4j-admin's CSV cannot carry, or a property this writer has no column for. */
export class CsvValueError extends Error {
  override name = 'CsvValueError';
  readonly field: string;
  constructor(message: string, field: string) {
    super(message);
    this.field = field;
  }
}

/** One CSV file: what it holds, its property columns, and whether a value in it spans lines. */
interface CsvFile {
  what: 'nodes' | 'relationships';
  /** The labels (`Entity:Organisation`) or the type its rows get. */
  group: string;
  path: string;
  columns: Column[];
  /** The columns' names, to refuse a property without one. */
  known: Set<string>;
  out: WriteStream;
  /** Lines not yet handed to `out`: written a chunk at a time, not a line at a time. */
  pending: string;
  multiline: boolean;
}

/** Characters of lines a file gathers before they are written as one chunk. */
const CHUNK = 1 << 18;

export interface CsvFiles {
  /** Arguments for `neo4j-admin database import full` that load the files. */
  adminArguments: string[];
  nodes: number;
  relationships: number;
  /** Nodes with an empty list property (neo4j-admin writes none): `{id, props}` to SET. */
  emptyLists: { id: string; props: Record<string, string[]> }[];
}

/**
 * Writes rows into neo4j-admin's CSV files under `dir` (which must exist). Rows are taken
 * synchronously and written in chunks; a caller awaits `drained()` now and then, so that what
 * the files have not yet written stays bounded.
 */
export class AdminCsvWriter {
  private readonly files = new Map<string, CsvFile>();
  private readonly emptyLists: CsvFiles['emptyLists'] = [];
  private nodes = 0;
  private relationships = 0;
  /** Streams whose buffer is full: `drained()` waits for them. */
  private readonly full = new Set<WriteStream>();

  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  node(row: NodeRow): void {
    const props = newNodeProperties(row);
    let empty: Record<string, string[]> | undefined;
    for (const key in props) {
      const value = props[key];
      if (!Array.isArray(value) || value.length > 0) continue;
      empty ??= {};
      empty[key] = [];
    }
    if (empty) this.emptyLists.push({ id: row.id, props: empty });
    const file = this.file('nodes', `Entity:${row.label}`, () => nodeColumns(row.kind));
    const { id, ...rest } = props;
    this.line(file, cell(id, 'string'), rest, `node ${row.id}`);
    this.nodes += 1;
  }

  relationship(row: RelationshipRow): void {
    const props = newRelationshipProperties(row);
    const file = this.file('relationships', row.type, () => relationshipColumns(row.type));
    const ends = `${cell(row.from, 'string')},${cell(row.to, 'string')}`;
    this.line(file, ends, props, `${row.type} from ${row.from} to ${row.to}`);
    this.relationships += 1;
  }

  /** Resolves once every file has written out what it was given. */
  async drained(): Promise<void> {
    for (const out of this.full) if (out.writableNeedDrain) await once(out, 'drain');
    this.full.clear();
  }

  /** Ends every file; what neo4j-admin needs to load them. */
  async close(): Promise<CsvFiles> {
    for (const file of this.files.values()) {
      this.flush(file);
      file.out.end();
      await once(file.out, 'finish');
    }
    const all = [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    const multiline = all.filter((f) => f.multiline).map((f) => f.path);
    return {
      adminArguments: [
        ...all.map((f) => `--${f.what}=${f.group}=${f.path}`),
        `--array-delimiter=U+001F`,
        ...(multiline.length > 0
          ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`]
          : []),
      ],
      nodes: this.nodes,
      relationships: this.relationships,
      emptyLists: this.emptyLists,
    };
  }

  /** The file of a label or type, created with its header on first use. */
  private file(what: CsvFile['what'], group: string, columns: () => Column[]): CsvFile {
    const name = `${what}-${group.replace('Entity:', '')}`;
    let file = this.files.get(name);
    if (!file) {
      const path = join(this.dir, `${name}.csv`);
      const out = createWriteStream(path, { highWaterMark: 1 << 20 });
      const cols = columns();
      const known = new Set(cols.map((c) => c.name));
      const lead = what === 'nodes' ? ['id:ID'] : [':START_ID', ':END_ID'];
      const header = cols.map((c) => `${c.name}${HEADER_TYPE[c.type]}`);
      const pending = `${[...lead, ...header].join(',')}\n`;
      file = { what, group, path, columns: cols, known, out, pending, multiline: false };
      this.files.set(name, file);
    }
    return file;
  }

  /** One row's line: `lead` (its id, or its ends) and a cell per column. */
  private line(file: CsvFile, lead: string, props: Record<string, unknown>, what: string): void {
    for (const key in props) {
      if (!file.known.has(key))
        throw new CsvValueError(`${what}: no column for property ${key}`, key);
    }
    let text = lead;
    for (const column of file.columns) {
      const value = props[column.name];
      if (value === undefined || value === null) {
        text += ',';
        continue;
      }
      try {
        text += `,${cell(value, column.type)}`;
      } catch (error) {
        throw new CsvValueError(
          `${what}, property ${column.name}: ${(error as Error).message}`,
          column.name,
        );
      }
    }
    if (!file.multiline && (text.includes('\n') || text.includes('\r'))) file.multiline = true;
    file.pending += `${text}\n`;
    if (file.pending.length >= CHUNK) this.flush(file);
  }

  private flush(file: CsvFile): void {
    if (file.pending.length === 0) return;
    if (!file.out.write(file.pending)) this.full.add(file.out);
    file.pending = '';
  }
}

const quote = (text: string) =>
  text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;

/** One value in neo4j-admin's CSV, as a column of its type takes it. */
function cell(value: unknown, type: Column['type']): string {
  if (type === 'long') {
    if (!Number.isSafeInteger(value)) throw new Error(`not a whole number: ${String(value)}`);
    return String(value);
  }
  if (type === 'string[]') {
    if (!Array.isArray(value)) throw new Error(`not a list: ${JSON.stringify(value)}`);
    for (const item of value) {
      if (typeof item !== 'string') throw new Error(`not a text: ${JSON.stringify(item)}`);
      if (item.includes(ARRAY_DELIMITER)) {
        throw new Error(`${JSON.stringify(item)} holds U+001F, which separates list items`);
      }
    }
    // neo4j-admin reads `""` as no property: a list of one empty text cannot be written.
    if (value.length === 1 && value[0] === '') throw new Error('a list of one empty text');
    return value.length === 0 ? '' : quote(value.join(ARRAY_DELIMITER));
  }
  if (typeof value !== 'string') throw new Error(`not a text: ${JSON.stringify(value)}`);
  return quote(value);
}
