/**
 * Per-request DataLoaders: every entity and relationship field is resolved through them, so
 * a nested query costs one round trip to Neo4j per nesting level and field, not one per row.
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
  /** Relationships of `type` leaving (`out`) or arriving at (`in`) each id. */
  related(type: string, direction: Direction): DataLoader<string, Related[]>;
  /** Entities of `kind` one of whose names or aliases matches the given name. */
  byName(kind: Kind): DataLoader<string, EntityNode[]>;
}

export function createLoaders(db: Database): Loaders {
  const entity = new DataLoader<string, EntityNode | null>(async (ids) => {
    const rows = await db.read(cypher('graph/entities-by-id'), { ids });
    const found = new Map(rows.map((r) => [r.id as string, toEntity(r.labels, r.props)]));
    return ids.map((id) => found.get(id) ?? null);
  });

  const relatedLoaders = new Map<string, DataLoader<string, Related[]>>();
  const related = (type: string, direction: Direction) => {
    const key = `${direction}:${type}`;
    let loader = relatedLoaders.get(key);
    if (!loader) {
      const query = cypher(direction === 'out' ? 'graph/related-out' : 'graph/related-in');
      loader = new DataLoader(async (ids) => {
        const rows = await db.read(query, { ids, type });
        const byId = new Map<string, Related[]>();
        for (const row of rows) {
          const node = toEntity(row.labels, row.props);
          entity.prime(node.id, node);
          const list = byId.get(row.id as string) ?? [];
          list.push({ rel: row.rel as Record<string, unknown>, node });
          byId.set(row.id as string, list);
        }
        return ids.map((id) => byId.get(id) ?? []);
      });
      relatedLoaders.set(key, loader);
    }
    return loader;
  };

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
