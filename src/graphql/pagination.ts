/**
 * Relay-style cursor pagination over offsets: a cursor is the position of an item in the
 * sorted list. Page sizes are capped; asking for more is an error, never a silent cut.
 */
import type { EntityNode } from '../graph/entity.ts';
import { type ListPage, once, type Page } from '../graph/lists.ts';
import { badInput } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decode(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput(`after: "${cursor}" is not a cursor this API gave out`, 'after');
  return Number(match[1]);
}

export function pageOf(args: { first?: number | null; after?: string | null }): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0) throw badInput('first must not be negative', 'first');
  if (first > MAX_PAGE_SIZE)
    throw badInput(`first must be at most ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  const skip = args.after ? decode(args.after) + 1 : 0;
  // One more than asked tells whether there is a next page.
  return { skip, limit: first + 1 };
}

/** A connection whose fields read the page, or the count, only when selected. */
export function connection(page: Page, result: ListPage) {
  const read = async () => {
    const all = await result.nodes();
    const nodes = all.slice(0, page.limit - 1);
    const edges = nodes.map((node: EntityNode, i) => ({ cursor: encode(page.skip + i), node }));
    return { all, nodes, edges };
  };
  const pageOfNodes = once(read);
  return {
    edges: async () => (await pageOfNodes()).edges,
    nodes: async () => (await pageOfNodes()).nodes,
    totalCount: () => result.count(),
    pageInfo: async () => {
      const { all, nodes, edges } = await pageOfNodes();
      return {
        hasNextPage: all.length > nodes.length,
        hasPreviousPage: page.skip > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      };
    },
  };
}
