/**
 * The offline route's files (src/import/offline/import.ts writeAdminFiles), without
 * neo4j-admin: records are validated once, so an input that reads differently when it is read
 * again for the rows that wait for resolution fails the import, leaving no file.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAdminFiles } from '../../src/import/offline/import.ts';
import { emptySummary } from '../../src/import/pipeline.ts';
import type { ImportRecord, Item, RecordInput } from '../../src/import/records.ts';
import { org, SRC, source } from '../support/records.ts';

const dir = mkdtempSync(join(tmpdir(), 'accord-offline-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An input whose third line no longer reads after its first reading. */
function changing(records: ImportRecord[]): RecordInput {
  let reads = 0;
  return {
    name: 'changing.ndjson',
    async *read(): AsyncIterable<Item> {
      reads += 1;
      for (const [i, record] of records.entries()) {
        const position = { file: 'changing.ndjson', line: i + 1 };
        if (reads > 1 && i === 2) yield { position, error: 'not valid JSON: Unexpected token' };
        else yield { position, record };
      }
    },
  };
}

describe('writeAdminFiles', () => {
  it('fails, writing nothing, when an input reads differently the second time', async () => {
    // o-a's parent is named: its rows wait for resolution, so the input is read twice.
    const records = [
      source(SRC),
      org('o-a', '甲', { parent: { name: '乙' } }),
      org('o-b', '乙'),
    ] as ImportRecord[];
    const out = join(dir, 'changing');
    const summary = emptySummary();
    await expect(writeAdminFiles([changing(records)], out, summary)).rejects.toThrow(
      'changing.ndjson:3 changed while it was imported: nothing was written',
    );
    expect(existsSync(out)).toBe(false);
    expect(summary.nodes).toEqual({});
  });

  it('writes every record of an input read twice as it reads', async () => {
    const records = [source(SRC), org('o-a', '甲', { parent: { name: '乙' } }), org('o-b', '乙')];
    const input: RecordInput = {
      name: 'same.ndjson',
      async *read() {
        for (const [i, record] of records.entries())
          yield { position: { file: 'same.ndjson', line: i + 1 }, record: record as ImportRecord };
      },
    };
    const summary = emptySummary();
    const files = await writeAdminFiles([input], join(dir, 'same'), summary);
    expect(summary.errors).toEqual([]);
    expect(files?.nodes).toBe(3);
    expect(files?.relationships).toBe(1);
    expect(summary.relationships.PART_OF?.created).toBe(1);
  });
});
