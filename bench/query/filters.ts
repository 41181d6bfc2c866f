/**
 * The filter scale curve: every list filter the API offers, alone and in the combinations
 * analysts use, run on the graph of a benchmark size as the API runs a list question with its
 * page and count, `{ X(filter) { totalCount nodes { id name } } }`: the planner's compiled
 * statement (src/planner/compile.ts; `people(title:)` with the title's stored forms given, not
 * the read that folds the title first). For each: p50 and p90 of
 * sequential runs, the answer's size, and the PROFILE plan saved under plans/N/filters/ with
 * the scans that read rows picked out (none is the target: every filter starts from its own
 * entity or an index).
 *
 *   node bench/query/filters.ts [--runs 20] [--out DIR]   (against NEO4J_URI)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { createDatabase, type Database } from '../../src/db/driver.ts';
import type { ListArea } from '../../src/graph/lists.ts';
import { statementOf } from '../../src/planner/compile.ts';
import { listRoot } from '../../src/planner/plan.ts';
import type { Selected } from '../../src/planner/tree.ts';
import { benchCypher, profile } from '../lib/cypher.ts';

export interface FilterResult {
  key: string;
  area: string;
  filter: Record<string, unknown>;
  total: number;
  p50Ms: number;
  p90Ms: number;
  dbHits: number;
  scans: string[];
  plan: string;
  /** The machine's 1-minute load average after the runs: it is shared. */
  loadAverage: number;
}

/** Every agreements/matching parameter but the page, none set: each case sets its own. */
export const NO_AGREEMENT_FILTER = {
  party: null,
  signatory: null,
  attendee: null,
  region: null,
  kind: null,
  from: null,
  to: null,
  orderBy: 'SIGNED_ON_DESC',
};

/** Each filter alone, and the combinations analysts use, with the picked references. */
function cases(pick: Record<string, string>): [string, ListArea, Record<string, unknown>][] {
  const year = { from: '2020-01-01', to: '2020-12-31' };
  const asOf = '2020-06-30';
  const org = (f: object) => ({ kind: null, region: null, ...f });
  const people = (f: object) => ({ organisation: null, titles: null, asOf: null, ...f });
  const agreements = (f: object) => ({ ...NO_AGREEMENT_FILTER, ...f });
  return [
    ['organisations-region', 'organisations', org({ region: pick.region })],
    ['organisations-kind', 'organisations', org({ kind: 'university' })],
    [
      'organisations-kind-region',
      'organisations',
      org({ kind: 'university', region: pick.region }),
    ],
    ['people-organisation', 'people', people({ organisation: pick.organisation })],
    ['people-organisation-asOf', 'people', people({ organisation: pick.organisation, asOf })],
    ['people-title', 'people', people({ titles: [pick.title] })],
    ['people-title-asOf', 'people', people({ titles: [pick.title], asOf })],
    ['people-asOf', 'people', people({ asOf })],
    ['agreements-party', 'agreements', agreements({ party: pick.party })],
    ['agreements-signatory', 'agreements', agreements({ signatory: pick.signatory })],
    ['agreements-attendee', 'agreements', agreements({ attendee: pick.attendee })],
    ['agreements-region', 'agreements', agreements({ region: pick.region })],
    ['agreements-kind', 'agreements', agreements({ kind: 'contract' })],
    ['agreements-from-to', 'agreements', agreements(year)],
    ['agreements-kind-from-to', 'agreements', agreements({ kind: 'contract', ...year })],
    ['agreements-region-from-to', 'agreements', agreements({ region: pick.region, ...year })],
    ['agreements-party-kind', 'agreements', agreements({ party: pick.party, kind: 'contract' })],
  ];
}

/** The nodes' fields the curve asks for: `nodes { id name }`. */
const FIELDS: Selected[] = ['id', 'name'].map((name) => ({
  key: name,
  value: { kind: 'property', of: 'node', name, list: false },
}));

/** The planner's statement for a list of `area` with `filter` (and agreements' orderBy). */
export function listStatement(area: ListArea, { orderBy, ...filter }: Record<string, unknown>) {
  const root = listRoot(area, filter, orderBy);
  return statementOf({ root, fields: FIELDS, page: true, count: true });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

export async function filterCurve(
  db: Database,
  { runs = 20, plansDir }: { runs?: number; plansDir: string },
): Promise<FilterResult[]> {
  const [pick] = await db.read(benchCypher('pick-filters'));
  if (!pick) throw new Error('the graph has no values for the filter curve');
  const dir = join(plansDir, 'filters');
  mkdirSync(dir, { recursive: true });
  const results: FilterResult[] = [];
  for (const [key, area, filter] of cases(pick as Record<string, string>)) {
    const query = listStatement(area, filter);
    const params = { ...filter, skip: 0, limit: 21 };
    const [answer] = await db.read(query, params);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await db.read(query, params);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const plan = await profile(db.driver, undefined, query.text, params);
    writeFileSync(
      join(dir, `${key}.txt`),
      `// ${query.name}, ${key}\n// parameters: ${JSON.stringify(params)}\n\n${plan.text}\n`,
    );
    results.push({
      key,
      area,
      filter,
      total: answer?.total as number,
      p50Ms: Math.round(quantile(times, 0.5) * 10) / 10,
      p90Ms: Math.round(quantile(times, 0.9) * 10) / 10,
      dbHits: plan.dbHits,
      scans: plan.scans,
      plan: join('filters', `${key}.txt`),
      loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    });
  }
  return results;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '20' },
      out: { type: 'string', default: 'bench/results/filters' },
    },
  });
  const db = createDatabase(loadConfig().neo4j);
  try {
    const results = await filterCurve(db, { runs: Number(values.runs), plansDir: values.out });
    writeFileSync(join(values.out, 'filters.json'), `${JSON.stringify(results, null, 2)}\n`);
    for (const r of results) {
      console.log(
        `${r.key.padEnd(28)} ${String(r.total).padStart(6)} found  p50 ${r.p50Ms} ms  p90 ${r.p90Ms} ms  ${r.dbHits} db hits  load ${r.loadAverage}  ${r.scans.join('; ') || 'no scan'}`,
      );
    }
  } finally {
    await db.close();
  }
}
