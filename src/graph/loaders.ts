/**
 * Per-request DataLoaders: every entity and relationship field is resolved through them, so
 * a nested query costs one round trip to Neo4j per nesting level, not one per row or field:
 * the relationship fields of one level (an agreement's parties, signatories and event) are
 * fetched together, in one query.
 */
import DataLoader from 'dataloader';
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { type Kind, LABELS } from '../model/kinds.ts';
import { nameKey } from '../names.ts';
import { type EntityNode, type Related, toEntity } from './entity.ts';

export type Direction = 'out' | 'in';

export interface Loaders {
  entity: DataLoader<string, EntityNode | null>;
  /** Relationships of `type` leaving (`out`) or arriving at (`in`) an id. */
  related(type: string, direction: Direction): { load(id: string): Promise<Related[]> };
  /** Entities of `kind` one of whose names or aliases matches the given name. */
  byName(kind: Kind): DataLoader<string, EntityNode[]>;
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
  // parties) takes that type's own query, which Neo4j runs faster than the general one.
  const relationships = new DataLoader<RelationshipKey, Related[], string>(
    async (keys) => {
      const [first] = keys;
      const oneType = keys.every((k) => k.type === first?.type && k.direction === first.direction);
      const rows = oneType
        ? await db.read(
            cypher(first?.direction === 'in' ? 'graph/related-in' : 'graph/related-out'),
            { ids: keys.map((k) => k.id), type: first?.type },
          )
        : await db.read(cypher('graph/related'), { keys });
      const byKey = new Map<string, Related[]>();
      for (const row of rows) {
        const node = toEntity(row.labels, row.props);
        entity.prime(node.id, node);
        // The single-type queries do not say the type and direction: the batch's own.
        const key = keyOf({
          direction: (row.direction ?? first?.direction) as Direction,
          type: (row.type ?? first?.type) as string,
          id: row.id as string,
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

  return { entity, related, byName };
}
