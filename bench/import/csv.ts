/**
 * The graph an import file describes, as CSV files for neo4j-admin's offline importer
 * (`neo4j-admin database import full`): one node file per label and one relationship file per
 * type, with the same properties Accord's upsert queries write into an empty database
 * (cypher/import/upsert-nodes.cypher and upsert-relationships.cypher).
 *
 *   node bench/import/csv.ts FILE OUT_DIR
 *
 * Writes OUT_DIR/nodes-<Label>.csv and OUT_DIR/relationships-<TYPE>.csv (headers in the first
 * row), and prints a JSON summary with the neo4j-admin arguments that load them. Arrays are
 * separated by `;`; a value that holds `;`, a line break or a NUL is refused rather than
 * written wrong.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { type Kind, PROPERTIES } from '../../src/model/kinds.ts';
import { resolveFile } from './records.ts';

export const ARRAY_DELIMITER = ';';

/** Node properties besides the scalar fields of its kind, in the order upsert-nodes sets them. */
const NODE_LISTS = ['sources', 'aliases', 'focus', 'searchTerms'] as const;
const INTEGER_PROPERTIES = new Set(['rank']);

const nodeHeader = (kind: Kind) => [
  'id:ID',
  ':LABEL',
  ...PROPERTIES[kind].map((p) => (INTEGER_PROPERTIES.has(p) ? `${p}:int` : p)),
  ...NODE_LISTS.map((p) => `${p}:string[]`),
  'nameKeys',
];

const RELATIONSHIP_HEADER = [
  ':START_ID',
  ':END_ID',
  ':TYPE',
  'order:int',
  'onBehalfOf',
  'sources:string[]',
  'roles:string[]',
];

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  if (text.includes('\n') || text.includes('\r') || text.includes('\u0000'))
    throw new Error(`cannot write a line break or NUL: ${JSON.stringify(text)}`);
  return `"${text.replaceAll('"', '""')}"`;
}

function arrayCell(values: readonly string[] | null | undefined): string {
  if (!values || values.length === 0) return '';
  for (const v of values) {
    if (v.includes(ARRAY_DELIMITER))
      throw new Error(`array value holds "${ARRAY_DELIMITER}": ${v}`);
  }
  return cell(values.join(ARRAY_DELIMITER));
}

/** nameKeys as upsert-nodes.cypher stores them on a new node: "|key1|key2|". */
const nameKeysOf = (keys: readonly string[] | null) =>
  keys ? [...new Set(keys)].reduce((s, k) => (s.includes(`|${k}|`) ? s : `${s}${k}|`), '|') : null;

export interface CsvSummary {
  records: number;
  nodes: number;
  relationships: number;
  /** Arguments for `neo4j-admin database import full`. */
  adminArguments: string[];
  elapsedMs: number;
}

export async function writeCsv(file: string, outDir: string): Promise<CsvSummary> {
  const started = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const resolved = await resolveFile(file);
  const streams = new Map<string, WriteStream>();
  const write = async (name: string, header: string[], line: string) => {
    let out = streams.get(name);
    if (!out) {
      out = createWriteStream(join(outDir, name), { highWaterMark: 1 << 20 });
      streams.set(name, out);
      out.write(`${header.join(',')}\n`);
    }
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  // One relationship per type between two nodes, as the upsert makes it.
  const seen = new Set<string>();
  let nodes = 0;
  let relationships = 0;
  for await (const { node, relationships: rels } of resolved.rows()) {
    const props = node.props;
    const name = (props.name as string | undefined) ?? node.defaultName ?? undefined;
    const aliases = node.aliases?.filter((a) => a !== name) ?? null;
    const values = [
      cell(node.id),
      cell(`Entity${ARRAY_DELIMITER}${node.label}`),
      ...PROPERTIES[node.kind].map((p) => cell(p === 'name' ? name : props[p])),
      arrayCell(node.sources),
      arrayCell(aliases),
      arrayCell(node.focus),
      arrayCell(node.searchTerms),
      cell(nameKeysOf(node.nameKeys)),
    ];
    await write(`nodes-${node.label}.csv`, nodeHeader(node.kind), values.join(','));
    nodes += 1;
    // A record may state one relationship twice (a person signing for two of the parties):
    // the upsert keeps one, the later scalars and the union of sources and roles; so does this.
    const merged = new Map<string, (typeof rels)[number]>();
    for (const rel of rels) {
      const key = `${rel.type}\u0000${rel.from}\u0000${rel.to}`;
      const earlier = merged.get(key);
      merged.set(
        key,
        earlier
          ? {
              ...rel,
              props: { ...earlier.props, ...rel.props },
              sources: [...new Set([...(earlier.sources ?? []), ...(rel.sources ?? [])])],
              roles:
                earlier.roles || rel.roles
                  ? [...new Set([...(earlier.roles ?? []), ...(rel.roles ?? [])])]
                  : rel.roles,
            }
          : rel,
      );
    }
    for (const [key, rel] of merged) {
      if (seen.has(key)) {
        throw new Error(
          `${rel.type} from ${rel.from} to ${rel.to} in two records: this converter does not merge across records`,
        );
      }
      seen.add(key);
      const line = [
        cell(rel.from),
        cell(rel.to),
        cell(rel.type),
        cell(rel.props.order),
        cell(rel.props.onBehalfOf),
        arrayCell(rel.sources),
        arrayCell(rel.roles),
      ].join(',');
      await write(`relationships-${rel.type}.csv`, RELATIONSHIP_HEADER, line);
      relationships += 1;
    }
  }
  for (const out of streams.values()) {
    out.end();
    await once(out, 'finish');
  }
  const files = [...streams.keys()].sort();
  return {
    records: resolved.records,
    nodes,
    relationships,
    adminArguments: [
      ...files.filter((f) => f.startsWith('nodes-')).map((f) => `--nodes=${join(outDir, f)}`),
      ...files
        .filter((f) => f.startsWith('relationships-'))
        .map((f) => `--relationships=${join(outDir, f)}`),
      `--array-delimiter=${ARRAY_DELIMITER}`,
    ],
    elapsedMs: Math.round(performance.now() - started),
  };
}

if (import.meta.main) {
  const [file, outDir] = process.argv.slice(2);
  if (!file || !outDir) throw new Error('usage: node bench/import/csv.ts FILE OUT_DIR');
  console.log(JSON.stringify(await writeCsv(file, outDir), null, 2));
}
