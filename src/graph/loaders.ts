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
import type { Direction, RelationshipType } from '../model/relationships.ts';
import { nameKey } from '../names.ts';
import { type EntityNode, type Related, toEntity } from './entity.ts';
import { prefetchStatement } from './prefetch.ts';

export interface Loaders {
  entity: DataLoader<string, EntityNode | null>;
  /** Relationships of `type` leaving (`out`) or arriving at (`in`) an id. */
  related(type: RelationshipType, direction: Direction): { load(id: string): Promise<Related[]> };
  /** Entities of `kind` (null: of any kind) one of whose names or aliases matches the given name. */
  byName(kind: Kind | null): DataLoader<string, EntityNode[]>;
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
  type: RelationshipType;
  direction: Direction;
}

/** One relationship field of one entity: what the relationship loader batches. */
interface RelationshipKey {
  direction: Direction;
  type: RelationshipType;
  id: string;
}

/** Appends `value` to the list at `key`. */
function add<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const keyOf = ({ direction, type, id }: RelationshipKey) => `${direction}\u0000${type}\u0000${id}`;

export function createLoaders(db: Database): Loaders {
  const entity = new DataLoader<string, EntityNode | null>(async (ids) => {
    const rows = await db.read(cypher('graph/entities-by-id'), { ids });
    const found = new Map(rows.map((r) => [r.id as string, toEntity(r.labels, r.props)]));
    return ids.map((id) => found.get(id) ?? null);
  });

  /** Runs `steps` (graph/prefetch.ts), primes the entities, and returns what each step found. */
  const follow = async (ids: readonly string[], steps: readonly Step[], withRoots: boolean) => {
    const rows = await db.read(prefetchStatement(steps), { ids, withRoots });
    const found = steps.map(() => new Map<string, Related[]>());
    for (const row of rows) {
      const node = toEntity(row.labels, row.props);
      entity.prime(node.id, node);
      const byFrom = found[row.step as number];
      if (byFrom)
        add(byFrom, row.from as string, { rel: row.rel as Record<string, unknown>, node });
    }
    return found;
  };

  // Every relationship field asked for while a level resolves, whatever its type and
  // direction, in one round trip: the batch waits a macrotask (setImmediate), until the
  // resolvers of the level have all asked. A batch of one type and direction (a list's
  // parties) is a one-step prefetch, which expands that type only; a mixed batch (rare once
  // the lookahead has run) takes graph/related.cypher.
  const relationships = new DataLoader<RelationshipKey, Related[], string>(
    async (keys) => {
      const [first] = keys as [RelationshipKey];
      if (keys.every((k) => k.type === first.type && k.direction === first.direction)) {
        const step = { parent: -1, type: first.type, direction: first.direction };
        const [found] = await follow(
          keys.map((k) => k.id),
          [step],
          false,
        );
        return keys.map((k) => found?.get(k.id) ?? []);
      }
      const byKey = new Map<string, Related[]>();
      for (const row of await db.read(cypher('graph/related'), { keys })) {
        const node = toEntity(row.labels, row.props);
        entity.prime(node.id, node);
        const key = keyOf({
          direction: row.direction as Direction,
          type: row.type as RelationshipType,
          id: row.from as string,
        });
        add(byKey, key, { rel: row.rel as Record<string, unknown>, node });
      }
      return keys.map((key) => byKey.get(keyOf(key)) ?? []);
    },
    { cacheKeyFn: keyOf, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
  const related = (type: RelationshipType, direction: Direction) => ({
    load: (id: string) => relationships.load({ direction, type, id }),
  });

  const nameLoaders = new Map<Kind | null, DataLoader<string, EntityNode[]>>();
  const byName = (kind: Kind | null) => {
    let loader = nameLoaders.get(kind);
    if (!loader) {
      loader = new DataLoader(
        async (names) => {
          const keys = names.map(nameKey);
          const rows = await db.read(cypher('graph/entities-by-name'), {
            keys,
            label: kind && LABELS[kind],
          });
          const byKey = new Map<string, EntityNode[]>();
          for (const row of rows) add(byKey, row.key as string, toEntity(row.labels, row.props));
          return keys.map((k) => byKey.get(k) ?? []);
        },
        { cacheKeyFn: nameKey },
      );
      nameLoaders.set(kind, loader);
    }
    return loader;
  };

  const prefetch = async (ids: readonly string[], steps: readonly Step[], withRoots: boolean) => {
    const found = await follow(ids, steps, withRoots);
    // Every entity a step started from gets its list, empty when nothing was found, so that
    // the field asking later does not ask Neo4j again. Lists already loaded stay as they are.
    const reached = found.map(
      (byFrom) => new Set([...byFrom.values()].flat().map((r) => r.node.id)),
    );
    steps.forEach(({ parent, type, direction }, step) => {
      for (const id of parent < 0 ? ids : (reached[parent] ?? [])) {
        relationships.prime({ direction, type, id }, found[step]?.get(id) ?? []);
      }
    });
  };

  return { entity, related, byName, prefetch };
}
