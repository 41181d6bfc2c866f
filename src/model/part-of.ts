/**
 * PART_OF is a hierarchy (an office of a university, a district of a city): nothing may be part
 * of itself. An import or a link that would close a cycle is refused, since `ancestors` and
 * every walk up the hierarchy would otherwise go round it.
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';

const LOOKUP_BATCH = 5000;

/** A new PART_OF relationship, from a child to its parent. */
export interface PartOf<At = unknown> {
  child: string;
  parent: string;
  at: At;
}

/**
 * The hierarchy the check walks, by child: in memory, or for an import of millions of records
 * in its working set on disk (src/import/resolve.ts). `of` lists parents in the order added.
 */
export interface Parents {
  add(child: string, parent: string): void;
  of(id: string): Iterable<string>;
}

function parentsInMemory(): Parents {
  const parents = new Map<string, Set<string>>();
  return {
    add(child, parent) {
      const set = parents.get(child) ?? new Set<string>();
      set.add(parent);
      parents.set(child, set);
    },
    of: (id) => parents.get(id) ?? [],
  };
}

/**
 * The cycle each new relationship would close, together with the others and those stored:
 * `[r-a, r-b, r-c, r-a]` for r-a → r-b whose parents lead back to r-a. `added` is read twice.
 */
export async function partOfCycles<At>(
  db: Database,
  added: Iterable<PartOf<At>>,
  parents: Parents = parentsInMemory(),
): Promise<{ edge: PartOf<At>; cycle: string[] }[]> {
  const add = parents.add;
  const named = new Set<string>();
  for (const { child, parent } of added) {
    add(child, parent);
    named.add(parent);
  }
  // The stored hierarchy above every parent named, a level a query.
  const asked = new Set<string>();
  let frontier = [...named];
  while (frontier.length > 0) {
    for (const id of frontier) asked.add(id);
    const next = new Set<string>();
    for (let i = 0; i < frontier.length; i += LOOKUP_BATCH) {
      const ids = frontier.slice(i, i + LOOKUP_BATCH);
      for (const row of await db.read(cypher('import/parents'), { ids })) {
        add(row.child as string, row.parent as string);
        if (!asked.has(row.parent as string)) next.add(row.parent as string);
      }
    }
    frontier = [...next];
  }
  const cycles: { edge: PartOf<At>; cycle: string[] }[] = [];
  for (const edge of added) {
    const path = pathUp(parents, edge.parent, edge.child);
    if (path) cycles.push({ edge, cycle: [edge.child, ...path] });
  }
  return cycles;
}

/** The shortest way up from `from` to `to` (both included), or undefined. */
function pathUp(parents: Parents, from: string, to: string): string[] | undefined {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    if (id === to) {
      const path: string[] = [];
      for (let at: string | null | undefined = id; at != null; at = cameFrom.get(at))
        path.unshift(at);
      return path;
    }
    for (const parent of parents.of(id)) {
      if (cameFrom.has(parent)) continue;
      cameFrom.set(parent, id);
      queue.push(parent);
    }
  }
  return undefined;
}

/** How a cycle reads in an error message. */
export const describeCycle = (cycle: string[]) =>
  `"${cycle[0]}" would be part of itself: ${cycle.join(' → ')}`;
