/**
 * Per-request DataLoaders: every entity and relationship field is resolved through them, so
 * a nested query costs at most one round trip to Neo4j per nesting level, not one per row or
 * field: the relationship fields of one level (an agreement's parties, signatories and event)
 * are fetched together, in one query. `prefetch` fills them ahead for several levels at once
 * (src/graphql/lookahead.ts).
 */
import DataLoader from 'dataloader';
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { type Kind, LABELS } from '../model/kinds.ts';
import { nameKey } from '../names.ts';
import { type EntityNode, type Related, toEntity } from './entity.ts';
import { prefetchStatement } from './prefetch.ts';

export type Direction = 'out' | 'in';

export interface Loaders {
  entity: DataLoader<string, EntityNode | null>;
  /** Relationships of `type` leaving (`out`) or arriving at (`in`) an id. */
  related(type: string, direction: Direction): { load(id: string): Promise<Related[]> };
  /** Entities of `kind` one of whose names or aliases matches the given name. */
  byName(kind: Kind): DataLoader<string, EntityNode[]>;
  /**
   * Loads the entities `ids` (with `withRoots`) and the relationships `steps` follow from them
   * in one query, and primes the loaders with them: the fields that then ask find them there.
   */
  prefetch(ids: readonly string[], steps: readonly Step[], withRoots: boolean): Promise<void>;
}

/**
 * One relationship to follow ahead of the resolvers: `type` in `direction` from the entities
 * that the step numbered `parent` reached (-1: the entities asked for). Steps are numbered
 * from 0 in the order given; a parent comes before its children.
 */
export interface Step {
  parent: number;
  type: string;
  direction: Direction;
}

/** One relationship field of one entity: what the relationship loader batches. */
interface RelationshipKey {
  direction: Direction;
  type: string;
  id: string;
}

const keyOf = ({ direction, type, id }: RelationshipKey) => `${direction}\u0000${type}\u0000${id}`;

export function createLoaders(db: Database): Loaders {
  const entity = new DataLoader<string, EntityNode | null>(async (ids) => {
    const rows = await db.read(cypher('graph/entities-by-id'), { ids });
    const found = new Map(rows.map((r) => [r.id as string, toEntity(r.labels, r.props)]));
    return ids.map((id) => found.get(id) ?? null);
  });

  // Every relationship field asked for while a level resolves, whatever its type and
  // direction, in one round trip: the batch waits a macrotask (setImmediate), until the
  // resolvers of the level have all asked. A batch of one type and direction (a list's
  // parties) takes the prefetch statement of that one step, which expands that type only; a
  // mixed batch (rare once the lookahead has run) takes graph/related.cypher.
  const relationships = new DataLoader<RelationshipKey, Related[], string>(
    async (keys) => {
      const [first] = keys as [RelationshipKey];
      const oneType = keys.every((k) => k.type === first.type && k.direction === first.direction);
      const rows = oneType
        ? await db.read(prefetchStatement([{ parent: -1, ...first }]), {
            ids: keys.map((k) => k.id),
            withRoots: false,
          })
        : await db.read(cypher('graph/related'), { keys });
      const byKey = new Map<string, Related[]>();
      for (const row of rows) {
        const node = toEntity(row.labels, row.props);
        entity.prime(node.id, node);
        // The prefetch statement does not say the type and direction: the batch's own.
        const key = keyOf({
          direction: (row.direction ?? first.direction) as Direction,
          type: (row.type ?? first.type) as string,
          id: row.from as string,
        });
        const list = byKey.get(key) ?? [];
        list.push({ rel: row.rel as Record<string, unknown>, node });
        byKey.set(key, list);
      }
      return keys.map((key) => byKey.get(keyOf(key)) ?? []);
    },
    { cacheKeyFn: keyOf, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
  const related = (type: string, direction: Direction) => ({
    load: (id: string) => relationships.load({ direction, type, id }),
  });

  const nameLoaders = new Map<Kind, DataLoader<string, EntityNode[]>>();
  const byName = (kind: Kind) => {
    let loader = nameLoaders.get(kind);
    if (!loader) {
      loader = new DataLoader(
        async (names) => {
          const keys = names.map(nameKey);
          const rows = await db.read(cypher('graph/entities-by-name'), {
            keys,
            label: LABELS[kind],
          });
          const byKey = new Map<string, EntityNode[]>();
          for (const row of rows) {
            const list = byKey.get(row.key as string) ?? [];
            list.push(toEntity(row.labels, row.props));
            byKey.set(row.key as string, list);
          }
          return keys.map((k) => byKey.get(k) ?? []);
        },
        { cacheKeyFn: nameKey },
      );
      nameLoaders.set(kind, loader);
    }
    return loader;
  };

  const prefetch = async (ids: readonly string[], steps: readonly Step[], withRoots: boolean) => {
    const rows = await db.read(prefetchStatement(steps), { ids, withRoots });
    // What each step found, by the id it started from; and the entities each step reached.
    const found = steps.map(() => new Map<string, Related[]>());
    const reached = new Map<number, Set<string>>([[-1, new Set(ids)]]);
    for (const row of rows) {
      const node = toEntity(row.labels, row.props);
      entity.prime(node.id, node);
      const step = row.step as number;
      if (step < 0) continue;
      const from = row.from as string;
      const byFrom = found[step] as Map<string, Related[]>;
      const list = byFrom.get(from) ?? [];
      list.push({ rel: row.rel as Record<string, unknown>, node });
      byFrom.set(from, list);
      reached.set(step, (reached.get(step) ?? new Set()).add(node.id));
    }
    // Every entity a step started from gets its list, empty when nothing was found, so that
    // the field asking later does not ask Neo4j again. Lists already loaded stay as they are.
    steps.forEach(({ parent, type, direction }, step) => {
      for (const id of reached.get(parent) ?? []) {
        relationships.prime({ direction, type, id }, found[step]?.get(id) ?? []);
      }
    });
  };

  return { entity, related, byName, prefetch };
}
