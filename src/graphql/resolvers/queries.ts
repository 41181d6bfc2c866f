/** The Query fields: look-ups, lists and the analyst's questions. */
import type { EntityNode } from '../../graph/entity.ts';
import { listAgreements, listOrganisations, listPeople, partners } from '../../graph/lists.ts';
import type { Kind } from '../../model/kinds.ts';
import { VERSION } from '../../version.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
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

/** `organisation(id:, name:)` and its kin. */
const lookup = (kind: Kind) => async (_: unknown, args: Args, ctx: Context) => {
  if (args.id != null) return byId(ctx, kind, args.id as string);
  if (args.name != null) return byName(ctx, kind, args.name as string, 'name');
  throw badInput('give id or name');
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

const empty = (page: ReturnType<typeof pageOf>) =>
  connection(page, { nodes: async () => [], count: async () => 0 });

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

    agreements: async (_: unknown, args: Args, ctx: Context) => {
      const page = pageOf(args);
      const party = await reference(ctx, 'organisation', args.party, 'party');
      const signatory = await reference(ctx, 'person', args.signatory, 'signatory');
      const attendee = await reference(ctx, 'person', args.attendee, 'attendee');
      const region = await reference(ctx, 'region', args.region, 'region');
      if ([party, signatory, attendee, region].includes(undefined)) return empty(page);
      if (args.from && args.to && (args.from as string) > (args.to as string)) {
        throw badInput(`from (${args.from}) is after to (${args.to})`, 'from');
      }
      const filter = {
        party: party ?? null,
        signatory: signatory ?? null,
        attendee: attendee ?? null,
        region: region ?? null,
        kind: (args.kind as string) ?? null,
        from: (args.from as string) ?? null,
        to: (args.to as string) ?? null,
        orderBy: args.orderBy as 'SIGNED_ON_DESC',
      };
      return connection(page, listAgreements(ctx.db, filter, page));
    },

    organisations: async (_: unknown, args: Args, ctx: Context) => {
      const page = pageOf(args);
      const region = await reference(ctx, 'region', args.region, 'region');
      if (region === undefined) return empty(page);
      return connection(
        page,
        listOrganisations(ctx.db, { kind: (args.kind as string) ?? null, region }, page),
      );
    },

    people: async (_: unknown, args: Args, ctx: Context) => {
      const page = pageOf(args);
      const organisation = await reference(ctx, 'organisation', args.organisation, 'organisation');
      if (organisation === undefined) return empty(page);
      const filter = {
        organisation,
        title: (args.title as string) ?? null,
        asOf: (args.asOf as string) ?? null,
      };
      return connection(page, listPeople(ctx.db, filter, page));
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
