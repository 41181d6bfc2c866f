/**
 * Records that repeat an id within one import: they may restate a fact, add aliases, sources
 * or relationships, or leave a field out, but not state two values for one scalar field, which
 * would otherwise be written in turn, the last one winning without a word.
 */
import { PROPERTIES } from '../model/kinds.ts';
import type { ImportIssue, ImportRecord, Position } from './records.ts';

/**
 * Reports each field on which the records of a repeated id disagree, with every line involved.
 * A record without an id was matched by a name that may be an alias: its name is not a claim.
 */
export async function checkRepeats(
  records: AsyncIterable<{ position: Position; record: ImportRecord }>,
  repeated: ReadonlySet<string>,
  idOf: (record: ImportRecord, at: Position) => string | undefined,
  report: (issue: ImportIssue) => void,
): Promise<void> {
  // id → field → value (as JSON) → where it was stated; only for ids seen more than once.
  const stated = new Map<string, Map<string, Map<string, Position[]>>>();
  for await (const { position, record } of records) {
    const id = idOf(record, position);
    if (id === undefined || !repeated.has(id)) continue;
    const fields = stated.get(id) ?? new Map<string, Map<string, Position[]>>();
    stated.set(id, fields);
    for (const field of PROPERTIES[record.type]) {
      if (record[field] === undefined || (field === 'name' && record.id === undefined)) continue;
      const values = fields.get(field) ?? new Map<string, Position[]>();
      fields.set(field, values);
      const value = JSON.stringify(record[field]);
      const at = values.get(value);
      if (at) at.push(position);
      else values.set(value, [position]);
    }
  }
  for (const [id, fields] of stated) {
    for (const [field, values] of fields) {
      if (values.size < 2) continue;
      const [first] = [...values.values()][0] as Position[];
      const where = (at: Position[]) => {
        const lines = at.map((p) => (p.file === first?.file ? `${p.line}` : `${p.file}:${p.line}`));
        return `${lines.length > 1 ? 'lines' : 'line'} ${lines.join(', ')}`;
      };
      const list = [...values].map(([value, at]) => `${value} (${where(at)})`).join(', ');
      report({
        file: first?.file ?? '',
        line: first?.line ?? 0,
        id,
        field,
        message: `the records of ${id} state different values: ${list}`,
      });
    }
  }
}
