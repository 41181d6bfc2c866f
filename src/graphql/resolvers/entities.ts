/**
 * The entity types and their relationship fields. Each field names the relationship it
 * follows (`follows`, which the lookahead reads to fetch a request's relationships ahead of
 * its fields); the loaders batch every such field across the rows of one request.
 */
import { hasYear } from '../../dates.ts';
import type { EntityNode, Related } from '../../graph/entity.ts';
import { validOn } from '../../graph/entity.ts';
import { holdersOn } from '../../graph/held.ts';
import { type Claim, readClaims } from '../../model/claims.ts';
import { ACTS, LABELS, LINKS } from '../../model/kinds.ts';
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
export const byName = (a: Related, b: Related) =>
  String(a.node.name).localeCompare(String(b.node.name)) || byId(a, b);
export const newestFirst = (a: Related, b: Related) =>
  String(b.node.signedOn ?? '').localeCompare(String(a.node.signedOn ?? '')) || byId(a, b);
export const latestFirst = (a: Related, b: Related) =>
  String(b.node.date ?? '').localeCompare(String(a.node.date ?? '')) || byId(a, b);

/** Most sources first, then the least id: which of several single-valued links a field gives. */
const chosenFirst = (a: Related, b: Related) =>
  ((b.rel.sources as string[]) ?? []).length - ((a.rel.sources as string[]) ?? []).length ||
  byId(a, b);

/**
 * The entity at the other end of the one relationship of `type`; where sources state several
 * (two regions), the one most sources state, then the least id (all of them are in `claims`).
 */
function one(type: string, direction: 'out' | 'in') {
  return follows<Field<EntityNode | null>>(
    async (parent, _args, ctx) =>
      [...(await related(type, direction)(parent, ctx))].sort(chosenFirst)[0]?.node ?? null,
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

/** Entities by id in id order (sources: whatever order they were imported in). */
const sourcesOf = (ids: unknown, ctx: Context) =>
  ctx.loaders.entity
    .loadMany([...((ids as string[]) ?? [])].sort())
    .then((list) => list.filter((s) => s && !(s instanceof Error)));

/** Stored claims as the API gives them, each with its sources loaded. */
const claimsOf = (stored: unknown, ctx: Context, links: Claim[] = []) =>
  [...readClaims(stored), ...links].map((c) => ({ ...c, sources: sourcesOf(c.sources, ctx) }));

/**
 * An entity's claims: those of its scalars, and its single-valued links (an organisation's
 * region and parent, an event's place, an agreement's event, ...) by the linked entity's id.
 */
const entityClaims = (e: Parent, _args: unknown, ctx: Context) =>
  Promise.all(
    LINKS[e.kind]
      .filter((link) => !link.many)
      .map(async (link) =>
        (await related(link.type, link.inbound ? 'in' : 'out')(e, ctx))
          .map((r) => ({
            field: link.field,
            value: r.node.id,
            sources: [...((r.rel.sources as string[]) ?? [])].sort(),
          }))
          .sort((a, b) => (a.value < b.value ? -1 : 1)),
      ),
  ).then((links) => claimsOf(e.claims, ctx, links.flat()));

/** Fields every entity shares. */
const entityFields = {
  aliases: (e: Parent) => e.aliases ?? [],
  sources: (e: Parent, _args: unknown, ctx: Context) => sourcesOf(e.sources, ctx),
  claims: entityClaims,
};

/** The sources and claims of a relationship object (Party, Signatory, Attendance, Credit). */
const edgeFields = {
  sources: (r: { sources?: string[] }, _args: unknown, ctx: Context) => sourcesOf(r.sources, ctx),
  claims: (r: { claims?: string[] }, _args: unknown, ctx: Context) => claimsOf(r.claims, ctx),
};

/** A signatory's parties: a list since one person may sign for two (a single id before migration 0005). */
const signedFor = (s: { onBehalfOf?: string | string[] }) => [s.onBehalfOf ?? []].flat();

/** ACTED relationships as Acts, optionally of one act: by `sort`'s key, then act and target. */
function acts(direction: 'out' | 'in', sort: typeof byName) {
  const text = (r: Related) => `${r.node.id}|${r.rel.act}|${r.rel.target ?? ''}`;
  const key = (a: Related, b: Related) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0);
  return follows<Field<Record<string, unknown>[]>>(
    async (parent, args, ctx) =>
      (await related('ACTED', direction)(parent, ctx))
        .filter((r) => !args.act || r.rel.act === args.act)
        .sort((a, b) => (a.node.id === b.node.id ? key(a, b) : sort(a, b)))
        .map((r) => ({
          ...r.rel,
          actor: direction === 'in' ? r.node : parent,
          event: direction === 'in' ? parent : r.node,
        })),
    { type: 'ACTED', direction, at: direction === 'in' ? 'actor' : 'event' },
  );
}

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
    claims: (e: Parent, _args: unknown, ctx: Context) => claimsOf(e.claims, ctx),
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
    acts: acts('out', latestFirst),
  },

  Person: {
    ...entityFields,
    roles: rolesAsOf('HOLDS', 'out'),
    signed: edges('SIGNED', 'out', newestFirst, 'agreement', 'person'),
    witnessed: many('WITNESSED', 'out', newestFirst),
    attended: many('ATTENDED', 'out', latestFirst),
    acts: acts('out', latestFirst),
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
        current =
          [...(await related('PART_OF', 'out')(current, ctx))].sort(chosenFirst)[0]?.node ?? null;
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
    acts: acts('in', byName),
  },

  Attendance: {
    ...edgeFields,
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
    sources: edgeFields.sources,
    roles: (c: { roles?: string[] }) => c.roles ?? [],
  },

  Party: edgeFields,

  Signatory: {
    ...edgeFields,
    onBehalfOf: (
      s: { onBehalfOf?: string | string[]; claims?: string[] },
      _a: unknown,
      ctx: Context,
    ) => {
      const stated = readClaims(s.claims).filter((c) => c.field === 'onBehalfOf');
      const [first] = signedFor(s).sort(
        (a, b) =>
          (stated.find((c) => c.value === b)?.sources.length ?? 0) -
            (stated.find((c) => c.value === a)?.sources.length ?? 0) || (a < b ? -1 : 1),
      );
      return first ? ctx.loaders.entity.load(first) : null;
    },
    onBehalfOfAll: (s: { onBehalfOf?: string | string[] }, _args: unknown, ctx: Context) =>
      sourcesOf(signedFor(s).sort(), ctx),
  },

  ActKind: Object.fromEntries(ACTS.map((act) => [act.toUpperCase(), act])),

  Act: {
    target: (a: { target?: string }, _args: unknown, ctx: Context) =>
      a.target ? ctx.loaders.entity.load(a.target) : null,
    sources: edgeFields.sources,
  },
};
