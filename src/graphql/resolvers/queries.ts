/** The Query fields: look-ups, lists and the analyst's questions. */

import type { GraphQLResolveInfo } from 'graphql';
import type { EntityNode } from '../../graph/entity.ts';
import { listAgreements, listOrganisations, listPeople, partners } from '../../graph/lists.ts';
import type { Kind } from '../../model/kinds.ts';
import { VERSION } from '../../version.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
import { aheadOf, withLookahead } from '../lookahead.ts';
import { connection, pageOf } from '../pagination.ts';

type Args = Record<string, unknown>;

/** An entity of `kind` by id, or null when there is none of that kind. */
async function byId(ctx: Context, kind: Kind, id: string): Promise<EntityNode | null> {
  const node = await ctx.loaders.entity.load(id);
  return node?.kind === kind ? node : null;
}

/**
 * The one entity of `kind` with this name or alias. Several matches: the one whose own name
 * it is, if exactly one; else an error listing them.
 */
async function byName(
  ctx: Context,
  kind: Kind,
  name: string,
  argument: string,
): Promise<EntityNode | null> {
  const found = await ctx.loaders.byName(kind).load(name);
  if (found.length <= 1) return found[0] ?? null;
  const exact = found.filter((n) => n.name === name);
  if (exact.length === 1) return exact[0] as EntityNode;
  throw badInput(
    `${argument}: "${name}" names ${found.length} ${kind}s: ${found.map((n) => `${n.id} (${n.name})`).join(', ')}; use an id`,
    argument,
  );
}

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

/** A filter argument that takes an id or a name: the id, or undefined when nothing matches. */
async function reference(
  ctx: Context,
  kind: Kind,
  value: unknown,
  argument: string,
): Promise<string | null | undefined> {
  if (value == null) return null;
  const id =
    (await byId(ctx, kind, value as string)) ??
    (await byName(ctx, kind, value as string, argument));
  return id?.id;
}

/**
 * The `resolve` of a list (graph/lists.ts): its filter with the reference arguments named in
 * `kinds` looked up, or null when one names nothing. The lists ask this only when the values
 * taken as ids gave an empty answer.
 */
const resolving =
  <F extends object>(ctx: Context, filter: F, kinds: Partial<Record<keyof F, Kind>>) =>
  async (): Promise<F | null> => {
    const entries = Object.entries(kinds) as [keyof F & string, Kind][];
    const ids = await Promise.all(
      entries.map(([argument, kind]) => reference(ctx, kind, filter[argument], argument)),
    );
    if (ids.includes(undefined)) return null;
    return { ...filter, ...Object.fromEntries(entries.map(([argument], i) => [argument, ids[i]])) };
  };

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
      if (args.from && args.to && (args.from as string) > (args.to as string)) {
        throw badInput(`from (${args.from}) is after to (${args.to})`, 'from');
      }
      const filter = {
        party: (args.party as string) ?? null,
        signatory: (args.signatory as string) ?? null,
        attendee: (args.attendee as string) ?? null,
        region: (args.region as string) ?? null,
        kind: (args.kind as string) ?? null,
        from: (args.from as string) ?? null,
        to: (args.to as string) ?? null,
        orderBy: args.orderBy as 'SIGNED_ON_DESC',
      };
      const resolve = resolving(ctx, filter, {
        party: 'organisation',
        signatory: 'person',
        attendee: 'person',
        region: 'region',
      });
      return connection(
        page,
        withLookahead(ctx, info, listAgreements(ctx.db, filter, page, resolve)),
      );
    },

    organisations: async (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
      const page = pageOf(args);
      const filter = {
        kind: (args.kind as string) ?? null,
        region: (args.region as string) ?? null,
      };
      const resolve = resolving(ctx, filter, { region: 'region' });
      return connection(
        page,
        withLookahead(ctx, info, listOrganisations(ctx.db, filter, page, resolve)),
      );
    },

    people: async (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
      const page = pageOf(args);
      const filter = {
        organisation: (args.organisation as string) ?? null,
        title: (args.title as string) ?? null,
        asOf: (args.asOf as string) ?? null,
      };
      const resolve = resolving(ctx, filter, { organisation: 'organisation' });
      return connection(page, withLookahead(ctx, info, listPeople(ctx.db, filter, page, resolve)));
    },

    partners: async (_: unknown, args: Args, ctx: Context) =>
      partners(ctx.db, args.of as string, {
        from: (args.from as string) ?? null,
        to: (args.to as string) ?? null,
      }),
  },

  Organisation: {
    partners: (org: EntityNode, args: Args, ctx: Context) =>
      partners(ctx.db, org.id, {
        from: (args.from as string) ?? null,
        to: (args.to as string) ?? null,
      }),
  },
};
