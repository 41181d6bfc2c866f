/**
 * A folded statement (src/planner/fold.ts: branches that cannot run dropped, tests that cannot
 * fail made true) answers exactly as the statement as written: every list, every combination
 * of its filters set or not, every order, with its page and count, on a generated graph (its
 * values picked as the filter curve picks them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { records } from '../../bench/generate.ts';
import { benchCypher } from '../../bench/lib/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { compile, statementOf } from '../../src/planner/compile.ts';
import { listRoot } from '../../src/planner/plan.ts';
import type { Selected, Tree } from '../../src/planner/tree.ts';
import { seededApi } from '../support/api.ts';
import { resetGraph } from '../support/db.ts';
import { importRecords, type Rec } from '../support/records.ts';

let db: Database;
let VALUES: Record<'agreements' | 'organisations' | 'people', Record<string, unknown>>;
beforeAll(async () => {
  ({ db } = await seededApi());
  await resetGraph(db);
  await importRecords(db, [...records({ entities: 1500, seed: 7 })] as Rec[]);
  const [pick] = (await db.read(benchCypher('pick-filters'))) as Record<string, string>[];
  if (!pick) throw new Error('nothing to pick filters from');
  VALUES = {
    agreements: {
      party: pick.party,
      signatory: pick.signatory,
      attendee: pick.attendee,
      region: pick.region,
      kind: 'contract',
      from: '2020-01',
      to: '2021-12-31',
    },
    organisations: { kind: 'university', region: pick.region },
    people: { organisation: pick.organisation, titles: [pick.title], asOf: '2020-06-30' },
  };
}, 120_000);
afterAll(() => db.close());

const FIELDS: Selected[] = ['id', 'name'].map((name) => ({
  key: name,
  value: { kind: 'property', of: 'node', name, list: false },
}));

const ORDERS = { agreements: ['NAME', 'SIGNED_ON_DESC', 'SIGNED_ON_ASC'] } as Record<
  string,
  string[]
>;

/**
 * The filters of `area` set or null: every combination of at most `most` set (Neo4j plans each
 * statement afresh, a tenth of a second each for agreements' many branches).
 */
function combinations(area: keyof typeof VALUES, most = Infinity): Record<string, unknown>[] {
  const names = Object.keys(VALUES[area]);
  const sets = (mask: number) => mask.toString(2).replaceAll('0', '').length;
  const masks = Array.from({ length: 2 ** names.length }, (_, mask) => mask);
  return masks
    .filter((mask) => sets(mask) <= most)
    .map((mask) =>
      Object.fromEntries(
        names.map((name, i) => [
          name,
          mask & (1 << i) ? (VALUES[area] as Record<string, unknown>)[name] : null,
        ]),
      ),
    );
}

describe('folded statements answer as written', () => {
  it.each(['agreements', 'organisations', 'people'] as const)(
    '%s',
    { timeout: 300_000 },
    async (area) => {
      let found = 0;
      let folds = 0;
      for (const filter of combinations(area, area === 'agreements' ? 2 : Infinity)) {
        const orders = ORDERS[area] ?? [null];
        // The page and count in every order; the page alone, or the count alone, in one.
        const shapes = [
          ...orders.map((orderBy) => [orderBy, true, true] as const),
          [orders[0] ?? null, true, false] as const,
          [orders[0] ?? null, false, true] as const,
        ];
        for (const [orderBy, page, count] of shapes) {
          const tree: Tree = { root: listRoot(area, filter, orderBy), fields: FIELDS, page, count };
          const written = compile(tree);
          const folded = statementOf(tree);
          if (folded.text !== written.text) folds++;
          const params = { ...filter, orderBy, skip: 0, limit: 5 };
          const [expected] = await db.read(written, params);
          const [actual] = await db.read(folded, params);
          expect(actual, `${area} ${JSON.stringify(params)} page ${page} count ${count}`).toEqual(
            expected,
          );
          if ((expected?.total ?? expected?.page?.length ?? 0) > 0) found++;
        }
      }
      // The comparisons did real work: answers with something in them, statements folded.
      expect(found).toBeGreaterThan(2);
      expect(folds).toBeGreaterThan(2);
    },
  );
});
