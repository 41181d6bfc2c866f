/** The Query fields: look-ups, lists and the analyst's questions. */

import type { GraphQLResolveInfo } from 'graphql';
import { cypher } from '../../db/cypher.ts';
import type { EntityNode } from '../../graph/entity.ts';
import { toEntity } from '../../graph/entity.ts';
import {
  listAgreements,
  listOrganisations,
  listPeople,
  type Page,
  partners,
  type Resolve,
} from '../../graph/lists.ts';
import { titleForms } from '../../graph/titles.ts';
import { couldBeId } from '../../import/validate.ts';
import type { Kind } from '../../model/kinds.ts';
import { ACT_TARGETS } from '../../model/relationships.ts';
import { VERSION } from '../../version.ts';
import type { Context } from '../context.ts';
import { ambiguousName, badInput } from '../errors.ts';
import { aheadOf, withLookahead } from '../lookahead.ts';
import { connection, pageOf } from '../pagination.ts';
import { askByIdOrName, byId, byName, reference } from '../references.ts';
import { dateRange, onTimeLine } from '../scalars.ts';

type Args = Record<string, unknown>;

/**
 * `organisation(id:, name:)` and its kin. The entity comes with the relationships the
 * selection follows (the lookahead): by id in one round trip, by name in two.
 */
const lookup =
  (kind: Kind) => async (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
    if (args.id != null) {
      await aheadOf(ctx, info, args.id as string);
      return byId(ctx, kind, args.id as string);
    }
    if (args.name == null) throw badInput('give id or name');
    const found = await byName(ctx, kind, args.name as string, 'name');
    if (found) await aheadOf(ctx, info, found.id, true);
    return found;
  };

/**
 * A list's filter whose reference arguments (named in `kinds`) take an id or a name, and its
 * `resolve` (graph/lists.ts), which looks them up: the lists take the values as ids first, and
 * call it only when that gave an empty answer. A value that cannot be an id (a name: 北工大)
 * is looked up before asking; the filter is null when a reference names nothing.
 */
async function referring<F extends object>(
  ctx: Context,
  filter: F,
  kinds: Partial<Record<keyof F, Kind>>,
): Promise<{ filter: F | null; resolve?: Resolve<F> }> {
  const entries = Object.entries(kinds) as [keyof F & string, Kind][];
  const resolve = async (): Promise<F | null> => {
    const ids = await Promise.all(
      entries.map(([argument, kind]) => reference(ctx, kind, filter[argument], argument)),
    );
    if (ids.includes(undefined)) return null;
    return { ...filter, ...Object.fromEntries(entries.map(([argument], i) => [argument, ids[i]])) };
  };
  const names = entries.some(([argument]) => {
    const value = filter[argument];
    return typeof value === 'string' && !couldBeId(value);
  });
  return names ? { filter: await resolve() } : { filter, resolve };
}

/**
 * An act's target by id or name, of any kind an act may concern: its id, or undefined when
 * nothing matches. A name that several entities bear is an error listing them.
 */
async function actTarget(ctx: Context, value: string): Promise<string | undefined> {
  const byIdFound = couldBeId(value) ? await ctx.loaders.entity.load(value) : null;
  if (byIdFound && ACT_TARGETS.includes(byIdFound.kind)) return byIdFound.id;
  const found = (
    await Promise.all(ACT_TARGETS.map((kind) => byName(ctx, kind, value, 'target')))
  ).filter((n): n is EntityNode => n !== null);
  if (found.length > 1) {
    throw ambiguousName(
      `target: "${value}" names ${found.length} entities: ${found.map((n) => `${n.id} (${n.kind} ${n.name})`).join(', ')}; use an id`,
      'target',
      found
        .map((n) => ({ id: n.id, name: String(n.name), kind: n.kind }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  }
  return found[0]?.id;
}

/** A connection with nothing in it: a filter's reference named nothing. */
const nothing = (page: Page) => connection(page, { nodes: async () => [], count: async () => 0 });

export const queryResolvers = {
  Query: {
    version: () => VERSION,
    node: (_: unknown, { id }: Args, ctx: Context) => ctx.loaders.entity.load(id as string),
    organisation: lookup('organisation'),
    person: lookup('person'),
    role: lookup('role'),
    agreement: lookup('agreement'),
    event: lookup('event'),
    region: lookup('region'),
    initiative: lookup('initiative'),
    source: lookup('source'),

    agreements: async (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
      const page = pageOf(args);
      const { from, to } = dateRange(args);
      const filter = {
        party: (args.party as string) ?? null,
        signatory: (args.signatory as string) ?? null,
        attendee: (args.attendee as string) ?? null,
        region: (args.region as string) ?? null,
        kind: (args.kind as string) ?? null,
        from,
        to,
        orderBy: args.orderBy as 'SIGNED_ON_DESC',
      };
      const { filter: resolved, resolve } = await referring(ctx, filter, {
        party: 'organisation',
        signatory: 'person',
        attendee: 'person',
        region: 'region',
      });
      if (!resolved) return nothing(page);
      return connection(
        page,
        withLookahead(ctx, info, listAgreements(ctx.db, resolved, page, resolve)),
      );
    },

    organisations: async (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
      const page = pageOf(args);
      const filter = {
        kind: (args.kind as string) ?? null,
        region: (args.region as string) ?? null,
      };
      const { filter: resolved, resolve } = await referring(ctx, filter, { region: 'region' });
      if (!resolved) return nothing(page);
      return connection(
        page,
        withLookahead(ctx, info, listOrganisations(ctx.db, resolved, page, resolve)),
      );
    },

    people: async (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
      const page = pageOf(args);
      const filter = {
        organisation: (args.organisation as string) ?? null,
        titles: args.title == null ? null : await titleForms(ctx.db, args.title as string),
        asOf: onTimeLine(args.asOf, 'asOf'),
      };
      const { filter: resolved, resolve } = await referring(ctx, filter, {
        organisation: 'organisation',
      });
      if (!resolved) return nothing(page);
      return connection(
        page,
        withLookahead(ctx, info, listPeople(ctx.db, resolved, page, resolve)),
      );
    },

    partners: async (_: unknown, args: Args, ctx: Context) => {
      const range = dateRange(args);
      return askByIdOrName(
        ctx,
        { of: args.of as string },
        ({ of }) => partners(ctx.db, of as string, range),
        (list) => list.length === 0,
      );
    },

    acts: async (_: unknown, args: Args, ctx: Context) => {
      const page = pageOf(args);
      const target = args.target == null ? null : await actTarget(ctx, args.target as string);
      if (target === undefined) return [];
      const rows = await ctx.db.read(cypher('acts/matching'), {
        act: (args.act as string) ?? null,
        target,
        first: page.limit - 1,
      });
      return rows.map((row) => {
        const actor = toEntity(row.actorLabels, row.actor);
        const event = toEntity(row.eventLabels, row.event);
        ctx.loaders.entity.prime(actor.id, actor).prime(event.id, event);
        return { ...(row.rel as Record<string, unknown>), actor, event };
      });
    },
  },

  Organisation: {
    partners: (org: EntityNode, args: Args, ctx: Context) =>
      partners(ctx.db, org.id, dateRange(args)),
  },
};
