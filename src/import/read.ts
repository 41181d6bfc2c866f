/**
 * Reading import files as streams of records, whatever their format: NDJSON (one record a
 * line), a JSON array, or CSV (one file per record type). Memory stays constant however
 * large the file.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import streamArray from 'stream-json/streamers/stream-array.js';
import { KINDS, type Kind, LINKS } from '../model/kinds.ts';
import type { ImportRecord, Item, RecordInput } from './records.ts';

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

async function* readNdjson(path: string): AsyncIterable<Item> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    const position = { file: path, line };
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

async function* readJsonArray(path: string): AsyncIterable<Item> {
  const items = createReadStream(path).pipe(streamArray.withParserAsStream());
  let index = 0;
  try {
    for await (const { value } of items as AsyncIterable<{ value: unknown }>) {
      index += 1;
      yield objectItem({ file: path, line: index }, value);
    }
  } catch (error) {
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

const CSV_LIST_FIELDS = new Set(['aliases', 'focus', 'sources']);
const CSV_JSON_FIELDS = new Set(['signatories', 'credits', 'acts', 'statements']);
const CSV_INTEGER_FIELDS = new Set(['rank']);

async function* readCsv(path: string): AsyncIterable<Item> {
  const fileKind = kindOfCsvFile(path);
  const rows = createReadStream(path).pipe(
    parseCsv({
      columns: true,
      bom: true,
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
    yield {
      position: { file: path, line: line + 1 },
      error: `not valid CSV: ${(error as Error).message}`,
    };
  }
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
