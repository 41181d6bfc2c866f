import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { type apiClient, seededApi } from '../support/api.ts';
import { graphCounts } from '../support/db.ts';

const SRC = 'src-bjut-news-2023-12-22';
let db: Database;
let gql: ReturnType<typeof apiClient>;

beforeAll(async () => {
  ({ db, gql } = await seededApi());
});
afterAll(() => db.close());

/** Runs a mutation that must fail, and checks that it wrote nothing. */
async function refused(query: string, variables: Record<string, unknown> = {}) {
  const before = await graphCounts(db);
  const result = await gql(query, variables);
  expect(result.errors?.length).toBe(1);
  expect(await graphCounts(db)).toEqual(before);
  return result.errors?.[0] as { message: string; extensions: { code: string } };
}

describe('mutations', () => {
  it('createEntity creates from an import record, with its relationships', async () => {
    const result = await gql(
      `mutation ($r: JSON!) { createEntity(record: $r) { id name ... on Organisation { kind region { name } parent { name } sources { id } } } }`,
      {
        r: {
          type: 'organisation',
          id: 'org-new',
          name: '北工大科技园',
          kind: 'company',
          region: { name: '朝阳区' },
          parent: { name: '北工大' },
          sources: [SRC],
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      createEntity: {
        id: 'org-new',
        name: '北工大科技园',
        kind: 'company',
        region: { name: '朝阳区' },
        parent: { name: '北京工业大学' },
        sources: [{ id: SRC }],
      },
    });
    const again = await refused(`mutation ($r: JSON!) { createEntity(record: $r) { id } }`, {
      r: { type: 'organisation', id: 'org-new', name: 'x', sources: [SRC] },
    });
    expect(again.extensions.code).toBe('CONFLICT');
  });

  it('createEntity reads the variables written inside a JSON literal', async () => {
    // Mutations run through graphql-js, which parses a JSON literal with the operation's
    // variables (src/server/plugins/jit.ts compiles queries only).
    const result = await gql(
      `mutation ($name: String!, $source: String!) { createEntity(record: {type: "organisation", id: "org-literal", name: $name, sources: [$source]}) { id name sources { id } } }`,
      { name: '北工大创新中心', source: SRC },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      createEntity: { id: 'org-literal', name: '北工大创新中心', sources: [{ id: SRC }] },
    });
  });

  it('createEntity refuses invalid records and unresolved references, writing nothing', async () => {
    const invalid = await refused(`mutation ($r: JSON!) { createEntity(record: $r) { id } }`, {
      r: {
        type: 'organisation',
        id: 'org-bad',
        name: '坏',
        kind: 'castle',
        region: { name: '火星' },
        sources: [SRC],
      },
    });
    expect(invalid.extensions.code).toBe('BAD_USER_INPUT');
    expect(invalid.message).toMatch(/kind: must be one of/);
    const unresolved = await refused(`mutation ($r: JSON!) { createEntity(record: $r) { id } }`, {
      r: {
        type: 'organisation',
        id: 'org-bad',
        name: '坏',
        region: { name: '火星' },
        sources: [SRC],
      },
    });
    expect(unresolved.message).toMatch(/region: no region is named "火星"/);
  });

  it('updateEntity sets and unsets fields, validated, citing the source', async () => {
    await gql(`mutation ($r: [JSON!]!) { importRecords(records: $r) { ok } }`, {
      r: [{ type: 'source', id: 'src-second', name: '第二篇报道' }],
    });
    const result = await gql(
      `mutation { updateEntity(id: "org-new", set: {nameEn: "BJUT Science Park", kind: "other"}, unset: ["kind"], source: "src-second") {
        name nameEn sources { id } ... on Organisation { kind } } }`,
    );
    expect(result.data).toEqual({
      updateEntity: {
        name: '北工大科技园',
        nameEn: 'BJUT Science Park',
        sources: [{ id: SRC }, { id: 'src-second' }],
        kind: null,
      },
    });
    const byEnglish = await gql(`{ organisation(name: "bjut science park") { id } }`);
    expect(byEnglish.data).toEqual({ organisation: { id: 'org-new' } });
    expect(
      (
        await refused(
          `mutation { updateEntity(id: "org-new", set: {name: ""}, source: "src-second") { id } }`,
        )
      ).message,
    ).toMatch(/name: must NOT have fewer than 1 characters/);
    expect(
      (
        await refused(
          `mutation { updateEntity(id: "org-new", set: {colour: "red"}, source: "src-second") { id } }`,
        )
      ).message,
    ).toMatch(/colour: not a field a organisation can change/);
    expect(
      (
        await refused(
          `mutation { updateEntity(id: "org-new", unset: ["name"], source: "src-second") { id } }`,
        )
      ).message,
    ).toMatch(/name: is required/);
    expect(
      (await refused(`mutation { updateEntity(id: "nope", set: {}, source: "src-second") { id } }`))
        .extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await refused(
          `mutation { updateEntity(id: "org-new", set: {}, source: "no-source") { id } }`,
        )
      ).message,
    ).toMatch(/no source has id "no-source"/);
  });

  it('addAlias adds a name the entity is then found by', async () => {
    const result = await gql(
      `mutation { addAlias(id: "org-bjut", alias: "北京工大", source: "src-second") { aliases sources { id } } }`,
    );
    expect(result.data).toEqual({
      addAlias: {
        aliases: ['北工大', 'BJUT', '北京工大'],
        sources: [{ id: SRC }, { id: 'src-second' }],
      },
    });
    expect((await gql(`{ organisation(name: "北京工大") { id } }`)).data).toEqual({
      organisation: { id: 'org-bjut' },
    });
  });

  it('recordAgreement records parties, signatories and event in one call', async () => {
    const result = await gql(
      `mutation ($a: JSON!, $e: JSON) { recordAgreement(agreement: $a, event: $e) {
        id name parties { organisation { id } } signatories { person { name } onBehalfOf { id } } event { name date attendees { person { name } } } } }`,
      {
        e: {
          id: 'e-new',
          name: '合作签约',
          kind: 'signing-ceremony',
          date: '2024-03-01',
          attendees: ['person-nie-zuoren', 'person-zhu-guodong'],
          sources: ['src-second'],
        },
        a: {
          id: 'a-new',
          name: '科技园合作协议',
          kind: 'cooperation-agreement',
          signedOn: '2024-03-01',
          parties: [{ name: '北工大' }, 'org-new'],
          signatories: [{ person: 'person-nie-zuoren', onBehalfOf: { name: '北工大' } }],
          event: 'e-new',
          sources: ['src-second'],
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      recordAgreement: {
        id: 'a-new',
        name: '科技园合作协议',
        parties: [{ organisation: { id: 'org-bjut' } }, { organisation: { id: 'org-new' } }],
        signatories: [{ person: { name: '聂祚仁' }, onBehalfOf: { id: 'org-bjut' } }],
        event: {
          name: '合作签约',
          date: '2024-03-01',
          attendees: [{ person: { name: '聂祚仁' } }, { person: { name: '朱国栋' } }],
        },
      },
    });
    const bad = await refused(`mutation ($a: JSON!) { recordAgreement(agreement: $a) { id } }`, {
      a: { id: 'a-bad', name: '单方', parties: ['org-bjut'], sources: ['src-second'] },
    });
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.message).toMatch(/parties: must NOT have fewer than 2 items/);
  });

  it('link and unlink relationships of the model, checking kinds and properties', async () => {
    const linked = await gql(
      `mutation { link(from: "person-wang-jian", type: "WITNESSED", to: "a-new", source: "src-second") { type from { id } to { id } status } }`,
    );
    expect(linked.data).toEqual({
      link: {
        type: 'WITNESSED',
        from: { id: 'person-wang-jian' },
        to: { id: 'a-new' },
        status: 'created',
      },
    });
    const witnesses = await gql(`{ agreement(id: "a-new") { witnesses { id } } }`);
    expect(witnesses.data).toEqual({ agreement: { witnesses: [{ id: 'person-wang-jian' }] } });
    expect(
      (
        await refused(
          `mutation { link(from: "org-bjut", type: "WITNESSED", to: "a-new", source: "src-second") { type } }`,
        )
      ).message,
    ).toMatch(/a organisation cannot be linked to a agreement by WITNESSED/);
    expect(
      (
        await refused(
          `mutation { link(from: "org-bjut", type: "PARTY_TO", to: "a-new", source: "src-second", properties: {colour: 1}) { type } }`,
        )
      ).message,
    ).toMatch(/colour not allowed on PARTY_TO; allowed: order/);
    // An act's target is a person, organisation, initiative or agreement, as an import's is.
    expect(
      (
        await refused(
          `mutation { link(from: "person-wang-jian", type: "ACTED", to: "event-signing-2023-12-21", source: "src-second", properties: {act: "speaking", target: "region-beijing"}) { type } }`,
        )
      ).message,
    ).toMatch(/properties\.target: must be a person or organisation or initiative or agreement/);
    expect(
      (await gql(`mutation { unlink(from: "person-wang-jian", type: "WITNESSED", to: "a-new") }`))
        .data,
    ).toEqual({ unlink: true });
    expect(
      (
        await refused(
          `mutation { unlink(from: "person-wang-jian", type: "WITNESSED", to: "a-new") }`,
        )
      ).extensions.code,
    ).toBe('NOT_FOUND');
    for (const type of ['', 'NOT_A_TYPE']) {
      for (const op of ['unlink', 'link']) {
        const tail = op === 'link' ? `, source: "${SRC}") { status }` : ')';
        const wrong = await refused(
          `mutation ($type: String!) { ${op}(from: "person-wang-jian", type: $type, to: "a-new"${tail} }`,
          { type },
        );
        expect(wrong.extensions.code).toBe('BAD_USER_INPUT');
        expect(wrong.message).toMatch(
          /^type: .* is not a relationship type; the types are .*PARTY_TO/,
        );
      }
    }
  });

  it('mergeEntities and deleteEntity', async () => {
    await gql(`mutation ($r: JSON!) { createEntity(record: $r) { id } }`, {
      r: {
        type: 'organisation',
        id: 'org-dup',
        name: '北工大科技园有限公司',
        sources: ['src-second'],
      },
    });
    const merged = await gql(
      `mutation { mergeEntities(keep: "org-new", duplicates: ["org-dup"]) { id aliases } }`,
    );
    expect(merged.data).toEqual({
      mergeEntities: { id: 'org-new', aliases: ['北工大科技园有限公司'] },
    });
    expect(
      (
        await refused(
          `mutation { mergeEntities(keep: "org-new", duplicates: ["person-wang-jian"]) { id } }`,
        )
      ).extensions.code,
    ).toBe('CONFLICT');
    const cited = await refused(`mutation { deleteEntity(id: "src-second") { id } }`);
    expect(cited).toMatchObject({ extensions: { code: 'CONFLICT' } });
    const before = await graphCounts(db);
    const deleted = await gql(`mutation { deleteEntity(id: "a-new") { id kind } }`);
    expect(deleted.data).toEqual({ deleteEntity: { id: 'a-new', kind: 'AGREEMENT' } });
    expect((await graphCounts(db)).nodes).toBe(before.nodes - 1);
    expect((await gql(`{ node(id: "a-new") { id } }`)).data).toEqual({ node: null });
  });
});

describe('writes keep roles whole', () => {
  it('deleting a person deletes the roles they held; HOLDS and AT cannot be unlinked', async () => {
    const roles = await gql<{ person: { roles: { id: string }[] } }>(
      `{ person(id: "person-wang-jian") { roles { id } } }`,
    );
    const ids = roles.data?.person.roles.map((r) => r.id) ?? [];
    expect(ids.length).toBe(2);
    const unlinked = await refused(
      `mutation ($to: ID!) { unlink(from: "person-wang-jian", type: "HOLDS", to: $to) }`,
      { to: ids[0] },
    );
    expect(unlinked.message).toMatch(
      /a role always has its person \(HOLDS\) and organisation \(AT\)/,
    );
    await gql(`mutation { deleteEntity(id: "person-wang-jian") { id } }`);
    for (const id of ids)
      expect((await gql(`query ($id: ID!) { node(id: $id) { id } }`, { id })).data).toEqual({
        node: null,
      });
    const bei = await gql<{ organisation: { roles: { person: { name: string } }[] } }>(
      `{ organisation(id: "org-bei-group") { roles { person { name } } } }`,
    );
    expect(bei.errors).toBeUndefined();
    expect(bei.data?.organisation.roles.map((r) => r.person.name)).not.toContain('王剑');
  });
});
