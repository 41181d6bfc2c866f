/**
 * The entity types' fields. The relationship fields come from the catalogue
 * (src/model/relationships.ts, src/graphql/following.ts); those written here (roles as of a
 * date, holders, acts) take their relationship from it too.
 */
import { hasYear } from '../../dates.ts';
import type { EntityNode, Related } from '../../graph/entity.ts';
import { validOn } from '../../graph/entity.ts';
import { holdersOn } from '../../graph/held.ts';
import { type Claim, linkClaims, readClaims } from '../../model/claims.ts';
import { ACTS, LABELS } from '../../model/kinds.ts';
import { type FollowingField, following, LINKS } from '../../model/relationships.ts';
import type { Context } from '../context.ts';
import { related, SORTS } from '../following.ts';
import { onTimeLine } from '../scalars.ts';

type Parent = EntityNode;

/** The relationships a field follows from `parent` (the spec's direction, one way). */
const followed = (name: FollowingField, parent: Parent, ctx: Context) => {
  const { type, direction } = following(name);
  return related(ctx, type, direction === 'in' ? 'in' : 'out', parent.id);
};

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
        linkClaims(
          link.field,
          (await related(ctx, link.type, link.inbound ? 'in' : 'out', e.id)).map((r) => ({
            id: r.node.id,
            sources: r.rel.sources,
          })),
        ),
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

/** ACTED relationships as Acts, optionally of one act: in the field's order, then act and target. */
function acts(name: FollowingField) {
  const { direction, sort } = following(name);
  const text = (r: Related) => `${r.node.id}|${r.rel.act}|${r.rel.target ?? ''}`;
  const key = (a: Related, b: Related) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0);
  return async (parent: Parent, args: Record<string, unknown>, ctx: Context) =>
    [...(await followed(name, parent, ctx))]
      .filter((r) => !args.act || r.rel.act === args.act)
      .sort((a, b) => (a.node.id === b.node.id ? key(a, b) : SORTS[sort](a, b)))
      .map((r) => ({
        ...r.rel,
        actor: direction === 'in' ? r.node : parent,
        event: direction === 'in' ? parent : r.node,
      }));
}

/** The most regions Region.ancestors lists (the planner's bound too). */
export const MAX_ANCESTORS = 32;

/** The `kind` field of the types that have one: the stored category (see graph/entity.ts). */
const kind = (e: Parent) => e.category ?? null;

/** The roles held on `date` (src/graph/held.ts; every one without a date), in the order the source lists them. */
const heldOn = (roles: Related[], date: string | null) =>
  roles
    .filter((r) => !date || validOn(r.node, date))
    .sort(SORTS.rank)
    .map((r) => r.node);

/** A person's roles or an organisation's, held on `asOf` if given. */
const rolesAsOf =
  (name: FollowingField) => async (parent: Parent, args: Record<string, unknown>, ctx: Context) =>
    heldOn(await followed(name, parent, ctx), onTimeLine(args.asOf, 'asOf'));

export const entityResolvers = {
  Node: { __resolveType: (e: Parent) => LABELS[e.kind] },
  Entity: { __resolveType: (e: Parent) => LABELS[e.kind] },

  Source: {
    ...entityFields,
    sources: (e: Parent, _args: unknown, ctx: Context) => sourcesOf([e.id], ctx),
    claims: (e: Parent, _args: unknown, ctx: Context) => claimsOf(e.claims, ctx),
  },

  Organisation: {
    ...entityFields,
    kind,
    roles: rolesAsOf('Organisation.roles'),
    holders: async (org: Parent, args: Record<string, unknown>, ctx: Context) =>
      holdersOn(
        (await followed('Organisation.holders', org, ctx)).map((r) => r.node),
        onTimeLine(args.asOf, 'asOf') as string,
        (args.title as string | null) ?? null,
      ),
    acts: acts('Organisation.acts'),
  },

  Person: {
    ...entityFields,
    roles: rolesAsOf('Person.roles'),
    acts: acts('Person.acts'),
  },

  Role: {
    ...entityFields,
    name: (e: Parent) => e.title,
    nameEn: (e: Parent) => e.titleEn ?? null,
    statedOn: (e: Parent) => e.statedOn ?? [],
  },

  Region: {
    ...entityFields,
    kind,
    ancestors: async (e: Parent, _args: unknown, ctx: Context) => {
      const chain: EntityNode[] = [];
      // Imports and link refuse PART_OF cycles; one stored before they did ends the chain.
      const seen = new Set([e.id]);
      let current: EntityNode | null = e;
      while (current && chain.length < MAX_ANCESTORS) {
        current =
          [...(await followed('Region.parent', current, ctx))].sort(SORTS.one)[0]?.node ?? null;
        if (!current || seen.has(current.id)) break;
        seen.add(current.id);
        chain.push(current);
      }
      return chain;
    },
  },

  Initiative: {
    ...entityFields,
    kind,
    focus: (e: Parent) => e.focus ?? [],
  },

  Event: {
    ...entityFields,
    kind,
    acts: acts('Event.acts'),
  },

  Attendance: {
    ...edgeFields,
    // Follows from the attendee: the lookahead plans it from the Attendance's person.
    roles: async (a: { person: EntityNode; event: EntityNode }, _args: unknown, ctx: Context) =>
      heldOn(
        await followed('Attendance.roles', a.person, ctx),
        // An event without a year is on no particular day: every role, as without a date.
        typeof a.event.date === 'string' && hasYear(a.event.date) ? a.event.date : null,
      ),
  },

  Agreement: {
    ...entityFields,
    kind,
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
