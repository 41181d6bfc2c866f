/**
 * Reading import files as streams of records, whatever their format: NDJSON (one record a
 * line), a JSON array, or CSV (one file per record type). Memory stays constant however
 * large the file.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import streamArray from 'stream-json/streamers/stream-array.js';
import { KINDS, type Kind } from '../model/kinds.ts';
import { LINKS } from '../model/relationships.ts';
import { type ImportRecord, type Item, type RecordInput, stringFields } from './records.ts';
import { strictLines, strictUtf8, Utf8Error } from './utf8.ts';

export type FileFormat = 'ndjson' | 'json' | 'csv';

export function formatOf(path: string): FileFormat {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.json$/i.test(path)) return 'json';
  return 'ndjson';
}

export function fileInput(path: string, format: FileFormat = formatOf(path)): RecordInput {
  const read = { ndjson: readNdjson, json: readJsonArray, csv: readCsv }[format];
  return { name: path, read: () => read(path) };
}

/** The file's bytes as strict UTF-8 text piped into `parser`; errors reach the parser's reader. */
function decoded<T extends NodeJS.ReadWriteStream>(path: string, parser: T): T {
  return pipeline(createReadStream(path), strictUtf8(), parser, () => {}) as unknown as T;
}

async function* readNdjson(path: string): AsyncIterable<Item> {
  for await (const line of strictLines(createReadStream(path))) {
    const position = { file: path, line: line.number };
    if ('error' in line) {
      yield { position, error: line.error.message, field: damagedField(line.bytes) };
      continue;
    }
    const text = line.text;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { position, error: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    yield objectItem(position, value);
  }
}

/**
 * The field of a record line that holds invalid UTF-8, when the line is JSON without it: the
 * string that decodes with a replacement character. Empty when that cannot be told.
 */
function damagedField(bytes: Buffer): string {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return '';
  }
  const found = [...stringFields(value)].filter(([, text]) => text.includes('\ufffd'));
  return found.map(([field]) => field).join(', ');
}

async function* readJsonArray(path: string): AsyncIterable<Item> {
  const items = decoded(path, streamArray.withParserAsStream());
  let index = 0;
  try {
    for await (const { value } of items as AsyncIterable<{ value: unknown }>) {
      index += 1;
      yield objectItem({ file: path, line: index }, value);
    }
  } catch (error) {
    if (error instanceof Utf8Error) {
      yield { position: { file: path, line: error.line }, error: error.message };
      return;
    }
    yield {
      position: { file: path, line: index + 1 },
      error: `not a valid JSON array of records: ${(error as Error).message}`,
    };
  }
}

function objectItem(position: Item['position'], value: unknown): Item {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { position, error: 'a record must be a JSON object' };
  }
  return { position, record: value as ImportRecord };
}

/** The record type a CSV file holds, from its name: organisation.csv, seed.people.csv, ... */
export function kindOfCsvFile(path: string): Kind | undefined {
  const word = basename(path, '.csv').split('.').pop()?.toLowerCase() ?? '';
  const singular = word === 'people' ? 'person' : word.replace(/s$/, '');
  return KINDS.find((k) => k === singular);
}

const CSV_LIST_FIELDS = new Set(['aliases', 'focus', 'sources', 'statedOn']);
const CSV_JSON_FIELDS = new Set(['signatories', 'credits', 'acts', 'statements']);
const CSV_INTEGER_FIELDS = new Set(['rank']);

async function* readCsv(path: string): AsyncIterable<Item> {
  const fileKind = kindOfCsvFile(path);
  const rows = decoded(
    path,
    parseCsv({
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }),
  );
  let line = 1;
  try {
    for await (const row of rows as AsyncIterable<Record<string, string>>) {
      line += 1;
      const position = { file: path, line };
      const kind = (row.type as Kind | undefined) || fileKind;
      if (!kind) {
        yield {
          position,
          error:
            'no record type: add a "type" column or name the file after the type (organisation.csv)',
        };
        continue;
      }
      try {
        yield { position, record: csvRecord(kind, row) };
      } catch (error) {
        yield { position, error: (error as Error).message };
      }
    }
  } catch (error) {
    if (error instanceof Utf8Error) {
      const field = await damagedCsvColumns(path, error.line);
      yield { position: { file: path, line: error.line }, error: error.message, field };
      return;
    }
    yield {
      position: { file: path, line: line + 1 },
      error: `not valid CSV: ${(error as Error).message}`,
    };
  }
}

/** The columns of the CSV record at `line` whose cells hold invalid UTF-8 (see damagedField). */
async function damagedCsvColumns(path: string, line: number): Promise<string> {
  const rows = createReadStream(path).pipe(
    parseCsv({ columns: true, bom: true, info: true, relax_column_count: true }),
  );
  try {
    for await (const { record, info } of rows as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (info.lines < line) continue;
      return [...stringFields(record)]
        .filter(([, text]) => text.includes('\ufffd'))
        .map(([field]) => field)
        .join(', ');
    }
  } catch {
    // Not CSV once decoded either: the line alone must do.
  } finally {
    rows.destroy();
  }
  return '';
}

/** Turns a CSV row into a record: `;`-separated lists, `name:` references, JSON cells. */
function csvRecord(kind: Kind, row: Record<string, string>): ImportRecord {
  const links = new Map(LINKS[kind].map((l) => [l.field, l]));
  const record: ImportRecord = { type: kind };
  for (const [field, cell] of Object.entries(row)) {
    if (field === 'type' || cell === '') continue;
    if (CSV_JSON_FIELDS.has(field)) {
      try {
        record[field] = JSON.parse(cell);
      } catch {
        throw new Error(`${field}: not valid JSON`);
      }
    } else if (CSV_INTEGER_FIELDS.has(field)) {
      record[field] = /^-?\d+$/.test(cell) ? Number(cell) : cell;
    } else if (field === 'sources' || links.get(field)?.many) {
      record[field] = splitList(cell).map(csvRef);
    } else if (links.has(field)) {
      record[field] = csvRef(cell);
    } else if (CSV_LIST_FIELDS.has(field)) {
      record[field] = splitList(cell);
    } else {
      record[field] = cell;
    }
  }
  return record;
}

const splitList = (cell: string) =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const csvRef = (cell: string) => (cell.startsWith('name:') ? { name: cell.slice(5).trim() } : cell);
