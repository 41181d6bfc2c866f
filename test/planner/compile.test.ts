/**
 * The compiled Cypher of every example operation (docs/examples/) and every benchmark question
 * (bench/query/questions.ts), without a database: each operation runs against the schema with
 * a database that records the statements sent and answers nothing. A root field the planner
 * cannot compile shows as sent to the loaders' queries instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../bench/query/questions.ts';
import type { Query } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { createLoaders } from '../../src/graph/loaders.ts';
import { createSchema } from '../../src/graphql/schema.ts';

const schema = createSchema();

/** The statements an operation sends, in order: planned ones in full, the others by name. */
async function statements(source: string, variableValues: Record<string, unknown> = {}) {
  const sent: string[] = [];
  const db = {
    read: async (query: Query) => {
      sent.push(query.name.startsWith('planner/') ? `${query.name}\n${query.text}` : query.name);
      return [];
    },
  } as unknown as Database;
  await graphql({
    schema,
    source,
    variableValues,
    contextValue: { db, loaders: createLoaders(db), stats: { roundTrips: 0 } },
  });
  return sent;
}

describe('compiled statements', () => {
  for (const file of readdirSync('docs/examples').filter((f) => f.endsWith('.graphql'))) {
    it(`docs/examples/${file}`, async () => {
      expect(await statements(readFileSync(`docs/examples/${file}`, 'utf8'))).toMatchSnapshot();
    });
  }
  for (const question of QUESTIONS) {
    it(`bench question ${question.key}`, async () => {
      const variable = question.variable ?? 'id';
      const sent = await statements(question.accord, question.pick ? { [variable]: 'x-1' } : {});
      expect(sent).toMatchSnapshot();
    });
  }

  it('writes no alias, id or filter value into the statement', async () => {
    const sent = await statements(
      `query($id: ID!) { secretAlias: agreement(id: $id) { otherAlias: parties { order } } }`,
      { id: 'agreement-injected` })--' },
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/secretAlias|otherAlias|injected/);
  });

  it('compiles roles held on a date and partners in a date range, dates as parameters', async () => {
    const sent = await statements(
      `query($id: ID!) { organisation(id: $id) { roles(asOf: "2023-12-21") { id person { roles(asOf: "2022") { id } } } partners(from: "2023-01", to: "2023-12-21") { partner { id } agreements { id } } } }`,
      { id: 'org-1' },
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/2023|2022/);
    expect(sent).toMatchSnapshot();
  });

  it('compiles people filters into one statement: the page from those found, dates as parameters', async () => {
    const sent = await statements(
      '{ people(asOf: "2020-06-30", first: 20) { totalCount nodes { id name roles { title } } } }',
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/2020/);
    expect(sent[0]).toMatch(/AS total, found\nCALL \(found\) \{\nUNWIND found AS p\n/);
    expect(sent).toMatchSnapshot();
    const [count] = await statements('{ people(organisation: "org-1") { totalCount } }');
    expect(count).toMatch(/\nRETURN total$/);
  });

  it('reads a filtered page without its count as the top of the sort, with it whole', async () => {
    const list = (fields: string) =>
      statements(`{ agreements(region: "region-1", first: 20) { ${fields} } }`);
    const [pageOnly] = await list('nodes { id }');
    expect(pageOnly).toMatch(/a\.id\nSKIP \$skip LIMIT \$limit\nWITH collect\(a\) AS found\n/);
    expect(pageOnly).not.toMatch(/size\(found\)|found\[/);
    const [counted] = await list('totalCount nodes { id }');
    expect(counted).not.toMatch(/SKIP \$skip LIMIT \$limit\nWITH collect/);
    expect(counted).toMatch(/size\(found\) AS total/);
    expect(counted).toMatch(/UNWIND found\[\$skip\.\.\$skip \+ \$limit\]/);
  });

  // Filters whose answer grows with the graph: the page read in order from an index, the
  // count from an index alone, each its own subquery of the one statement; the page of a
  // date range by name is still matching's top, its count the index's.
  it.each([
    [
      'organisations(kind)',
      '{ organisations(kind: "university") { totalCount nodes { id name } } }',
    ],
    ['agreements(kind)', '{ agreements(kind: "contract") { totalCount nodes { id name } } }'],
    [
      'agreements(kind) by name, the count alone',
      '{ agreements(kind: "contract", orderBy: NAME) { totalCount } }',
    ],
    [
      'agreements(from, to)',
      '{ agreements(from: "2020", to: "2020-06") { totalCount nodes { id signedOn } } }',
    ],
    [
      'agreements(kind, from) ascending',
      '{ agreements(kind: "contract", from: "2020-05-01", orderBy: SIGNED_ON_ASC) { totalCount nodes { id } } }',
    ],
    [
      'agreements(to) by name',
      '{ agreements(to: "2020", orderBy: NAME) { totalCount nodes { id name } } }',
    ],
  ])('reads %s from indexes', async (_, query) => {
    const sent = await statements(query);
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/size\(found\)|found\[|contract|2020|university/);
    expect(sent).toMatchSnapshot();
  });

  it('compiles claims: the stored ones, the single-valued links from the catalogue, sources by id', async () => {
    const sent = await statements(
      '{ organisation(id: "o-1") { claims { field value sources { id name } } } agreement(id: "a-1") { parties { claims { value sources { id } } } } }',
    );
    expect(sent).toHaveLength(2);
    // An organisation's region and parent (LINKS, not many); a party's claims are its own.
    expect(sent[0]).toMatch(/LOCATED_IN.*PART_OF/s);
    expect(sent[1]).not.toMatch(/LOCATED_IN|SIGNED_AT/);
    expect(sent).toMatchSnapshot();
  });

  it("compiles acts: the act a parameter, an interface's entity by its label", async () => {
    const sent = await statements(
      '{ event(id: "e-1") { acts(act: UNVEILING) { act actor { id ... on Person { roles { title } } } target { name } sources { id } } } person(id: "p-1") { acts { event { id } actor { name } } } }',
    );
    expect(sent).toHaveLength(2);
    expect(sent[0]).not.toMatch(/unveiling/i);
    expect(sent[0]).toMatch(/WHEN m\d+:`Person` THEN 'Person'/);
    expect(sent).toMatchSnapshot();
  });

  it('compiles sameAs without a direction, and hosts by their labels', async () => {
    const sent = await statements(
      '{ organisation(id: "o-1") { sameAs { id } } event(id: "e-1") { hosts { name ... on Person { roles { title } } } } }',
    );
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/\(n0\)-\[r1:`SAME_AS`\]-\(m2:Entity\)/);
    expect(sent).toMatchSnapshot();
  });

  it('compiles ancestors as the longest path of chosen parents, its entities all different', async () => {
    const sent = await statements('{ region(id: "r-1") { ancestors { id name } } }');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/\{1,32\}/);
    expect(sent).toMatchSnapshot();
  });

  it('compiles one statement per tree shape, reused for other ids', async () => {
    const query = `query($id: ID!) { agreement(id: $id) { name parties { order } } }`;
    const [first] = await statements(query, { id: 'a-1' });
    const [second] = await statements(query, { id: 'a-2' });
    expect(second).toBe(first);
  });
});
