/**
 * Arguments that name an entity by id or by name: look-ups, list filters, and the entities
 * that connections, neighbourhood, timeline and partners start from. A name matches names and
 * aliases as src/names.ts folds them; one that matches several entities is AMBIGUOUS_NAME.
 */
import type { EntityNode } from '../graph/entity.ts';
import { couldBeId } from '../import/validate.ts';
import type { Kind } from '../model/kinds.ts';
import type { Context } from './context.ts';
import { ambiguousName } from './errors.ts';

/** An entity of `kind` (null: any kind) by id, or null when there is none of that kind. */
export async function byId(
  ctx: Context,
  kind: Kind | null,
  id: string,
): Promise<EntityNode | null> {
  const node = await ctx.loaders.entity.load(id);
  return node && (kind === null || node.kind === kind) ? node : null;
}

/**
 * The one entity of `kind` (null: any kind) with this name or alias. Several matches: the
 * one whose own name it is, if exactly one; else AMBIGUOUS_NAME with them as candidates.
 */
export async function byName(
  ctx: Context,
  kind: Kind | null,
  name: string,
  argument: string,
): Promise<EntityNode | null> {
  const found = await ctx.loaders.byName(kind).load(name);
  if (found.length <= 1) return found[0] ?? null;
  const exact = found.filter((n) => n.name === name);
  if (exact.length === 1) return exact[0] as EntityNode;
  throw ambiguousName(
    `${argument}: "${name}" names ${found.length} ${kind ? `${kind}s` : 'entities'}: ${found.map((n) => `${n.id} (${n.name})`).join(', ')}; use an id`,
    argument,
    found
      .map((n) => ({ id: n.id, name: String(n.name), kind: n.kind }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  );
}

/** An argument that takes an id or a name: the id, or undefined when nothing matches. */
export async function reference(
  ctx: Context,
  kind: Kind | null,
  value: unknown,
  argument: string,
): Promise<string | null | undefined> {
  if (value == null) return null;
  const id =
    (couldBeId(value as string) ? await byId(ctx, kind, value as string) : null) ??
    (await byName(ctx, kind, value as string, argument));
  return id?.id;
}

type Values = Record<string, string | string[] | null>;

/**
 * Answers a question about entities given by id or name (of any kind), as the lists do: a
 * value that cannot be an id (北工大) is looked up first; the others are asked as ids, and
 * looked up only when the answer is empty (BJUT has an id's shape), then asked again if that
 * changed them. A value that names nothing stays as given: an unknown id.
 */
export async function askByIdOrName<T>(
  ctx: Context,
  values: Values,
  ask: (ids: Values) => Promise<T>,
  empty: (answer: T) => boolean,
): Promise<T> {
  const resolved = async (all: boolean): Promise<Values> =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(values).map(async ([argument, value]) => {
          if (value == null) return [argument, value];
          const ids = await Promise.all(
            [value]
              .flat()
              .map(async (v) =>
                !all && couldBeId(v) ? v : ((await reference(ctx, null, v, argument)) ?? v),
              ),
          );
          return [argument, Array.isArray(value) ? ids : ids[0]];
        }),
      ),
    );
  const first = await resolved(false);
  const answer = await ask(first);
  if (!empty(answer)) return answer;
  const second = await resolved(true);
  return JSON.stringify(second) === JSON.stringify(first) ? answer : ask(second);
}
