/** The shapes the import pipeline passes around. */
import type { Kind } from '../model/kinds.ts';

/** A reference to another record: its id, `{id}`, or `{name}`. */
export type Ref = string | { id: string } | { name: string };

/**
 * Who states one value of a record's field, where that differs from the record's sources: a
 * scalar's value, or one item of a relationship field (at `order`, for an ordered one).
 */
export interface Statement {
  field: string;
  value: unknown;
  sources: Ref[];
  order?: number;
}

/** A record of the import format (validated against schema/import-record.schema.json). */
export interface ImportRecord {
  type: Kind;
  id?: string;
  sources?: Ref[];
  [field: string]: unknown;
}

/** Where a record came from: a file and its line (or, for a JSON array, its position). */
export interface Position {
  file: string;
  line: number;
}

/** One item read from an input: a record, or why the line could not be read. */
export type Item =
  | { position: Position; record: ImportRecord; error?: undefined }
  | { position: Position; record?: undefined; error: string; field?: string };

/** Something the pipeline can read from, as many times as it needs (it makes several passes). */
export interface RecordInput {
  name: string;
  read(): AsyncIterable<Item>;
}

/** A problem with one record: where, which field, what is wrong. */
export interface ImportIssue {
  file: string;
  line: number;
  id?: string;
  field: string;
  message: string;
  /** AMBIGUOUS_NAME: a name that matches several entities, listed in `candidates`. */
  code?: 'AMBIGUOUS_NAME';
  candidates?: NameCandidate[];
}

/** One of the entities an ambiguous name matches, for a client to offer as a choice. */
export interface NameCandidate {
  id: string;
  name: string;
  kind: Kind;
}

export function formatIssue(issue: ImportIssue): string {
  const where = `${issue.file}:${issue.line}`;
  const what = issue.id ? ` (${issue.id})` : '';
  const field = issue.field ? ` ${issue.field}:` : '';
  return `${where}${what}:${field} ${issue.message}`;
}

/** Records held in memory, e.g. those sent to the API's importRecords mutation. */
export function memoryInput(name: string, records: unknown[]): RecordInput {
  return {
    name,
    async *read() {
      for (const [index, record] of records.entries()) {
        const position = { file: name, line: index + 1 };
        if (record === null || typeof record !== 'object' || Array.isArray(record)) {
          yield { position, error: 'a record must be a JSON object' };
        } else {
          yield { position, record: record as ImportRecord };
        }
      }
    },
  };
}

/** Every string in a record (or a value within one), with its field: `aliases[1]`, `credits[0].role`. */
export function* stringFields(value: unknown, field = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [field, value];
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* stringFields(item, `${field}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      yield* stringFields(item, field ? `${field}.${key}` : key);
  }
}
