/**
 * Records that repeat an id within one import: they may restate a fact, add aliases, sources
 * or relationships, leave a field out, or let two sources disagree (both values are kept as
 * claims, src/model/claims.ts), but one source may not state two values for one scalar field,
 * which would leave that source's claim depending on which record came last.
 */
import type { ImportIssue, ImportRecord, Position } from './records.ts';
import type { RepeatedIds } from './resolve.ts';
import { type ResolveRef, statedScalars } from './rows.ts';

/**
 * Reports each field and source for which the records of a repeated id state two values, with
 * every line involved. Values are compared as the node row would claim them: a statement's
 * value with its sources, a plain value with the record's.
 */
export async function checkRepeats(
  records: AsyncIterable<{ position: Position; record: ImportRecord }>,
  repeated: RepeatedIds,
  idOf: (record: ImportRecord, at: Position) => string | undefined,
  resolve: ResolveRef,
  report: (issue: ImportIssue) => void,
): Promise<void> {
  // id → field → source → value (as JSON) → where it was stated; only for repeated ids.
  const stated = new Map<string, Map<string, Map<string, Map<string, Position[]>>>>();
  const at = <K, V>(map: Map<K, V>, key: K, empty: () => V): V => {
    const found = map.get(key);
    if (found !== undefined) return found;
    const value = empty();
    map.set(key, value);
    return value;
  };
  for await (const { position, record } of records) {
    const id = idOf(record, position);
    if (id === undefined || !repeated.has(id)) continue;
    const fields = at(stated, id, () => new Map());
    for (const { field, value, sources } of statedScalars(record, id, resolve)) {
      const bySource = at(fields, field, () => new Map());
      for (const source of sources) {
        const positions = at(
          at(bySource, source, () => new Map()),
          JSON.stringify(value),
          () => [],
        );
        if (!positions.includes(position)) positions.push(position);
      }
    }
  }
  for (const [id, fields] of stated) {
    for (const [field, bySource] of fields) {
      for (const [source, values] of bySource) {
        if (values.size < 2) continue;
        const [first] = [...values.values()][0] as Position[];
        const where = (at: Position[]) => {
          const lines = at.map((p) =>
            p.file === first?.file ? `${p.line}` : `${p.file}:${p.line}`,
          );
          return `${lines.length > 1 ? 'lines' : 'line'} ${lines.join(', ')}`;
        };
        const list = [...values].map(([value, at]) => `${value} (${where(at)})`).join(', ');
        report({
          file: first?.file ?? '',
          line: first?.line ?? 0,
          id,
          field,
          message: `the records of ${id} state different values from ${source}: ${list}`,
        });
      }
    }
  }
}
