/**
 * A name that matches several entities is refused with code AMBIGUOUS_NAME and the entities as
 * candidates, in every argument that takes a name and in the import's --json errors
 * (issue 13 item 5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { apiClient } from '../support/api.ts';
import { accord } from '../support/cli.ts';
import { freshDatabase, graphCounts } from '../support/db.ts';
import { importRecords, ndjsonFile, type Rec } from '../support/records.ts';

let db: Database;
let gql: ReturnType<typeof apiClient>;

const src = (id: string, name: string, alias: string): Rec => ({
  type: 'source',
  id,
  name,
  aliases: [alias],
});
const at = { sources: ['s-a'] };
/** Two entities of each named kind sharing one alias (同名…). */
const twins: Rec[] = [
  src('s-a', '甲来源', '同名来源'),
  src('s-b', '乙来源', '同名来源'),
  { type: 'organisation', id: 'o-a', name: '甲大学', aliases: ['同名单位'], ...at },
  { type: 'organisation', id: 'o-b', name: '乙大学', aliases: ['同名单位'], ...at },
  { type: 'person', id: 'p-a', name: '甲某', aliases: ['同名人'], ...at },
  { type: 'person', id: 'p-b', name: '乙某', aliases: ['同名人'], ...at },
  { type: 'region', id: 'r-a', name: '甲区', aliases: ['同名区'], ...at },
  { type: 'region', id: 'r-b', name: '乙区', aliases: ['同名区'], ...at },
  { type: 'initiative', id: 'i-a', name: '甲计划', aliases: ['同名计划'], ...at },
  { type: 'initiative', id: 'i-b', name: '乙计划', aliases: ['同名计划'], ...at },
  {
    type: 'event',
    id: 'e-a',
    name: '甲仪式',
    aliases: ['同名活动'],
    attendees: ['p-a', 'p-b'],
    place: 'r-a',
    ...at,
  },
  { type: 'event', id: 'e-b', name: '乙仪式', aliases: ['同名活动'], place: 'r-b', ...at },
  {
    type: 'agreement',
    id: 'ag-a',
    name: '甲协议',
    aliases: ['同名协议'],
    parties: ['o-a', 'o-b'],
    signatories: [{ person: 'p-a', onBehalfOf: 'o-a' }],
    event: 'e-a',
    ...at,
  },
  {
    type: 'agreement',
    id: 'ag-b',
    name: '乙协议',
    aliases: ['同名协议'],
    parties: ['o-a', 'o-b'],
    ...at,
  },
  { type: 'organisation', id: 'o-c', name: '丙公司', region: 'r-a', ...at },
  { type: 'role', id: 'role-a', person: 'p-a', organisation: 'o-a', title: '校长', ...at },
];

const candidates = (kind: string, ...pairs: [string, string][]) =>
  pairs.map(([id, name]) => ({ id, name, kind }));
const ORGS = candidates('organisation', ['o-a', '甲大学'], ['o-b', '乙大学']);
const PEOPLE = candidates('person', ['p-a', '甲某'], ['p-b', '乙某']);
const REGIONS = candidates('region', ['r-a', '甲区'], ['r-b', '乙区']);

beforeAll(async () => {
  db = await freshDatabase();
  gql = apiClient(db);
  const summary = await importRecords(db, twins);
  expect(summary.errors).toEqual([]);
});
afterAll(() => db.close());

/** The one error of an answer, its candidates in id order. */
async function refusal(query: string, variables: Record<string, unknown> = {}) {
  const result = await gql(query, variables);
  expect(result.errors).toHaveLength(1);
  const error = result.errors?.[0] as { message: string; extensions: Record<string, unknown> };
  const list = error.extensions.candidates as { id: string }[];
  return {
    code: error.extensions.code,
    argument: error.extensions.argument,
    candidates: [...(list ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe('AMBIGUOUS_NAME', () => {
  it('in every look-up by name (roles and sources are looked up by id only)', async () => {
    const cases: [string, string, unknown][] = [
      ['organisation', '同名单位', ORGS],
      ['person', '同名人', PEOPLE],
      ['region', '同名区', REGIONS],
      ['initiative', '同名计划', candidates('initiative', ['i-a', '甲计划'], ['i-b', '乙计划'])],
      ['event', '同名活动', candidates('event', ['e-a', '甲仪式'], ['e-b', '乙仪式'])],
      ['agreement', '同名协议', candidates('agreement', ['ag-a', '甲协议'], ['ag-b', '乙协议'])],
    ];
    for (const [field, name, expected] of cases) {
      expect(await refusal(`{ ${field}(name: "${name}") { id } }`)).toEqual({
        code: 'AMBIGUOUS_NAME',
        argument: 'name',
        candidates: expected,
      });
    }
    // A name that is one entity's own name is that entity, not ambiguous.
    const own = await gql(`{ organisation(name: "甲大学") { id } }`);
    expect(own.data).toEqual({ organisation: { id: 'o-a' } });
  });

  it('in every list filter that takes a name', async () => {
    const cases: [string, string, unknown][] = [
      ['agreements(party: "同名单位")', 'party', ORGS],
      ['agreements(signatory: "同名人")', 'signatory', PEOPLE],
      ['agreements(attendee: "同名人")', 'attendee', PEOPLE],
      ['agreements(region: "同名区")', 'region', REGIONS],
      ['organisations(region: "同名区")', 'region', REGIONS],
      ['people(organisation: "同名单位")', 'organisation', ORGS],
    ];
    for (const [list, argument, expected] of cases) {
      for (const selection of ['totalCount', 'nodes { id }']) {
        expect(await refusal(`{ ${list} { ${selection} } }`)).toEqual({
          code: 'AMBIGUOUS_NAME',
          argument,
          candidates: expected,
        });
      }
    }
  });

  it('in the entities connections, neighbourhood, timeline and partners start from', async () => {
    const cases: [string, string, unknown][] = [
      ['connections(from: "同名人", to: "o-a") { length }', 'from', PEOPLE],
      ['connections(from: "o-a", to: "同名单位") { length }', 'to', ORGS],
      ['neighbourhood(ids: ["o-c", "同名区"]) { truncated }', 'ids', REGIONS],
      ['timeline(of: "同名单位") { date }', 'of', ORGS],
      ['partners(of: "同名单位") { agreements { id } }', 'of', ORGS],
    ];
    for (const [field, argument, expected] of cases) {
      expect(await refusal(`{ ${field} }`)).toEqual({
        code: 'AMBIGUOUS_NAME',
        argument,
        candidates: expected,
      });
    }
    // A name of one entity, of any kind, is that entity.
    const named = await gql<{
      connections: { length: number }[];
      neighbourhood: { nodes: { id: string }[] };
      partners: { partner: { id: string } }[];
    }>(`{
      connections(from: "甲某", to: "乙某") { length }
      neighbourhood(ids: ["甲仪式"], depth: 0) { nodes { id } }
      partners(of: "甲大学") { partner { id } }
    }`);
    expect(named.errors).toBeUndefined();
    expect(named.data).toEqual({
      connections: [{ length: 2 }],
      neighbourhood: { nodes: [{ id: 'e-a' }] },
      partners: [{ partner: { id: 'o-b' } }],
    });
  });

  it('in the references of mutations, which then write nothing', async () => {
    const before = await graphCounts(db);
    expect(
      await refusal(`mutation ($a: JSON!) { recordAgreement(agreement: $a) { id } }`, {
        a: { id: 'ag-new', name: '新协议', parties: [{ name: '同名单位' }, 'o-c'], ...at },
      }),
    ).toEqual({
      code: 'AMBIGUOUS_NAME',
      argument: 'agreement.parties[0]',
      candidates: ORGS,
    });
    expect(
      await refusal(
        `mutation ($e: JSON!, $a: JSON!) { recordAgreement(event: $e, agreement: $a) { id } }`,
        {
          e: { id: 'e-new', name: '新仪式', attendees: [{ name: '同名人' }], ...at },
          a: { id: 'ag-new', name: '新协议', parties: ['o-a', 'o-c'], event: 'e-new', ...at },
        },
      ),
    ).toEqual({ code: 'AMBIGUOUS_NAME', argument: 'event.attendees[0]', candidates: PEOPLE });
    expect(
      await refusal(`mutation ($r: JSON!) { createEntity(record: $r) { id } }`, {
        r: { type: 'organisation', id: 'o-new', name: '新单位', region: { name: '同名区' }, ...at },
      }),
    ).toEqual({ code: 'AMBIGUOUS_NAME', argument: 'record.region', candidates: REGIONS });
    const imported = await gql<{
      importRecords: { ok: boolean; errors: { line: number; field: string; code: string }[] };
    }>(
      `mutation ($r: [JSON!]!) { importRecords(records: $r) {
        ok errors { line field code candidates { id name kind } } } }`,
      { r: [{ type: 'person', id: 'p-new', name: '新人', sources: [{ name: '同名来源' }] }] },
    );
    expect(imported.data?.importRecords).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          field: 'sources[0]',
          code: 'AMBIGUOUS_NAME',
          candidates: candidates('source', ['s-a', '甲来源'], ['s-b', '乙来源']),
        },
      ],
    });
    expect(await graphCounts(db)).toEqual(before);
  });

  it("in the import's --json errors, for references and for records matched by name", async () => {
    const file = ndjsonFile([
      { type: 'person', id: 'p-new', name: '新人', sources: [{ name: '同名来源' }] },
      { type: 'organisation', name: '同名单位', ...at },
    ]);
    const result = await accord(['import', file, '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    const sortedCandidates = (list: { id: string }[]) =>
      [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(
      summary.errors
        .sort((a: { line: number }, b: { line: number }) => a.line - b.line)
        .map((e: { line: number; field: string; code: string; candidates: [] }) => ({
          line: e.line,
          field: e.field,
          code: e.code,
          candidates: sortedCandidates(e.candidates),
        })),
    ).toEqual([
      {
        line: 1,
        field: 'sources[0]',
        code: 'AMBIGUOUS_NAME',
        candidates: candidates('source', ['s-a', '甲来源'], ['s-b', '乙来源']),
      },
      { line: 2, field: 'name', code: 'AMBIGUOUS_NAME', candidates: ORGS },
    ]);
  });
});
