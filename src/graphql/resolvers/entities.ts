/**
 * The entity types and their relationship fields. Each field names the relationship it
 * follows (`follows`, which the lookahead reads to fetch a request's relationships ahead of
 * its fields); the loaders batch every such field across the rows of one request.
 */
import { hasYear } from '../../dates.ts';
import type { EntityNode, Related } from '../../graph/entity.ts';
import { validOn } from '../../graph/entity.ts';
import { holdersOn } from '../../graph/held.ts';
import { LABELS } from '../../model/kinds.ts';
import type { Context } from '../context.ts';
import { follows } from '../lookahead.ts';
import { onTimeLine } from '../scalars.ts';

type Parent = EntityNode;
type Field<T> = (parent: Parent, args: Record<string, unknown>, ctx: Context) => Promise<T> | T;

const related = (type: string, direction: 'out' | 'in') => (parent: Parent, ctx: Context) =>
  ctx.loaders.related(type, direction).load(parent.id);

// Every order ends on the id, so that an answer does not depend on the order Neo4j returned
// the relationships in (the prefetch and the loaders' queries may differ).
const byId = (a: Related, b: Related) => (a.node.id < b.node.id ? -1 : 1);
const byOrder = (a: Related, b: Related) =>
  ((a.rel.order as number) ?? Number.MAX_SAFE_INTEGER) -
    ((b.rel.order as number) ?? Number.MAX_SAFE_INTEGER) || byId(a, b);
const byName = (a: Related, b: Related) =>
  String(a.node.name).localeCompare(String(b.node.name)) || byId(a, b);
const newestFirst = (a: Related, b: Related) =>
  String(b.node.signedOn ?? '').localeCompare(String(a.node.signedOn ?? '')) || byId(a, b);
const latestFirst = (a: Related, b: Related) =>
  String(b.node.date ?? '').localeCompare(String(a.node.date ?? '')) || byId(a, b);

/** The entity at the other end of the one relationship of `type` (the least id, if several). */
function one(type: string, direction: 'out' | 'in') {
  return follows<Field<EntityNode | null>>(
    async (parent, _args, ctx) =>
      [...(await related(type, direction)(parent, ctx))].sort(byId)[0]?.node ?? null,
    { type, direction },
  );
}

/** The entities at the other ends of the relationships of `type` (those of `kind`), sorted. */
function many(type: string, direction: 'out' | 'in', sort = byName, kind?: string) {
  return follows<Field<EntityNode[]>>(
    async (parent, _args, ctx) =>
      (await related(type, direction)(parent, ctx))
        .filter((r) => !kind || r.node.kind === kind)
        .sort(sort)
        .map((r) => r.node),
    { type, direction },
  );
}

const sourcesOf = (ids: unknown, ctx: Context) =>
  ctx.loaders.entity
    .loadMany((ids as string[]) ?? [])
    .then((list) => list.filter((s) => s && !(s instanceof Error)));

/** Fields every entity shares. */
const entityFields = {
  aliases: (e: Parent) => e.aliases ?? [],
  sources: (e: Parent, _args: unknown, ctx: Context) => sourcesOf(e.sources, ctx),
};

/**
 * The relationships of `type` as objects (Party, Signatory, Attendance, Credit): the
 * relationship's properties, the entity at the other end as `at`, the parent as `self`.
 */
function edges(
  type: string,
  direction: 'out' | 'in',
  sort: typeof byName,
  at: string,
  self: string,
) {
  return follows<Field<Record<string, unknown>[]>>(
    async (parent, _args, ctx) =>
      [...(await related(type, direction)(parent, ctx))]
        .sort(sort)
        .map((r) => ({ ...r.rel, [at]: r.node, [self]: parent })),
    { type, direction, at },
  );
}

/** The `kind` field of the types that have one: the stored category (see graph/entity.ts). */
const kind = (e: Parent) => e.category ?? null;

/** The roles held on `date` (src/graph/held.ts; every one without a date), in the order the source lists them. */
const heldOn = (roles: Related[], date: string | null) =>
  roles
    .map((r) => r.node)
    .filter((role) => !date || validOn(role, date))
    .sort(
      (a, b) => ((a.rank as number) ?? 0) - ((b.rank as number) ?? 0) || (a.id < b.id ? -1 : 1),
    );

/** A person's roles (HOLDS, out) or an organisation's (AT, in), held on `asOf` if given. */
const rolesAsOf = (type: string, direction: 'out' | 'in') =>
  follows<Field<EntityNode[]>>(
    async (parent, args, ctx) =>
      heldOn(await related(type, direction)(parent, ctx), onTimeLine(args.asOf, 'asOf')),
    { type, direction },
  );

export const entityResolvers = {
  Node: { __resolveType: (e: Parent) => LABELS[e.kind] },
  Entity: { __resolveType: (e: Parent) => LABELS[e.kind] },

  Source: {
    ...entityFields,
    sources: (e: Parent, _args: unknown, ctx: Context) => sourcesOf([e.id], ctx),
    credits: edges('CREDITED', 'in', byName, 'person', 'source'),
  },

  Organisation: {
    ...entityFields,
    kind,
    region: one('LOCATED_IN', 'out'),
    parent: one('PART_OF', 'out'),
    units: many('PART_OF', 'in'),
    sameAs: follows(
      async (e: Parent, _args: unknown, ctx: Context) => {
        const [out, inbound] = await Promise.all([
          related('SAME_AS', 'out')(e, ctx),
          related('SAME_AS', 'in')(e, ctx),
        ]);
        return [...out, ...inbound].sort(byName).map((r) => r.node);
      },
      { type: 'SAME_AS', direction: 'out' },
      { type: 'SAME_AS', direction: 'in' },
    ),
    roles: rolesAsOf('AT', 'in'),
    holders: follows(
      async (org: Parent, args: Record<string, unknown>, ctx: Context) =>
        holdersOn(
          (await related('AT', 'in')(org, ctx)).map((r) => r.node),
          onTimeLine(args.asOf, 'asOf') as string,
          (args.title as string | null) ?? null,
        ),
      { type: 'AT', direction: 'in' },
    ),
    agreements: many('PARTY_TO', 'out', newestFirst),
  },

  Person: {
    ...entityFields,
    roles: rolesAsOf('HOLDS', 'out'),
    signed: edges('SIGNED', 'out', newestFirst, 'agreement', 'person'),
    witnessed: many('WITNESSED', 'out', newestFirst),
    attended: many('ATTENDED', 'out', latestFirst),
  },

  Role: {
    ...entityFields,
    name: (e: Parent) => e.title,
    nameEn: (e: Parent) => e.titleEn ?? null,
    statedOn: (e: Parent) => e.statedOn ?? [],
    person: one('HOLDS', 'in'),
    organisation: one('AT', 'out'),
  },

  Region: {
    ...entityFields,
    kind,
    parent: one('PART_OF', 'out'),
    children: many('PART_OF', 'in'),
    ancestors: async (e: Parent, _args: unknown, ctx: Context) => {
      const chain: EntityNode[] = [];
      // Imports and link refuse PART_OF cycles; one stored before they did ends the chain.
      const seen = new Set([e.id]);
      let current: EntityNode | null = e;
      while (current && chain.length < 32) {
        current = [...(await related('PART_OF', 'out')(current, ctx))].sort(byId)[0]?.node ?? null;
        if (!current || seen.has(current.id)) break;
        seen.add(current.id);
        chain.push(current);
      }
      return chain;
    },
    organisations: many('LOCATED_IN', 'in', byName, 'organisation'),
  },

  Initiative: {
    ...entityFields,
    kind,
    focus: (e: Parent) => e.focus ?? [],
    regions: many('LOCATED_IN', 'out'),
    parent: one('PART_OF', 'out'),
    parts: many('PART_OF', 'in'),
    agreements: many('CONCERNS', 'in', newestFirst, 'agreement'),
  },

  Event: {
    ...entityFields,
    kind,
    place: one('LOCATED_IN', 'out'),
    attendees: edges('ATTENDED', 'in', byOrder, 'person', 'event'),
    hosts: many('HOSTED', 'in'),
    agreements: many('SIGNED_AT', 'in', newestFirst),
    concerns: many('CONCERNS', 'out'),
  },

  Attendance: {
    sources: (a: { sources?: string[] }, _args: unknown, ctx: Context) => sourcesOf(a.sources, ctx),
    // Follows from the attendee: the lookahead plans it from the Attendance's person.
    roles: follows(
      async (a: { person: EntityNode; event: EntityNode }, _args: unknown, ctx: Context) =>
        heldOn(
          await related('HOLDS', 'out')(a.person, ctx),
          // An event without a year is on no particular day: every role, as without a date.
          typeof a.event.date === 'string' && hasYear(a.event.date) ? a.event.date : null,
        ),
      { type: 'HOLDS', direction: 'out' },
    ),
  },

  Agreement: {
    ...entityFields,
    kind,
    parties: edges('PARTY_TO', 'in', byOrder, 'organisation', 'agreement'),
    signatories: edges('SIGNED', 'in', byName, 'person', 'agreement'),
    witnesses: many('WITNESSED', 'in'),
    event: one('SIGNED_AT', 'out'),
    initiatives: many('CONCERNS', 'out'),
  },

  Credit: {
    roles: (c: { roles?: string[] }) => c.roles ?? [],
  },

  Party: {
    sources: (p: { sources?: string[] }, _args: unknown, ctx: Context) => sourcesOf(p.sources, ctx),
  },

  Signatory: {
    onBehalfOf: (s: { onBehalfOf?: string }, _args: unknown, ctx: Context) =>
      s.onBehalfOf ? ctx.loaders.entity.load(s.onBehalfOf) : null,
    sources: (s: { sources?: string[] }, _args: unknown, ctx: Context) => sourcesOf(s.sources, ctx),
  },
};
