/** Resolvers for schema/search.graphql: full-text search over names and aliases. */
import { type SearchHit, search } from '../../graph/search.ts';
import type { Kind } from '../../model/kinds.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';

export const DEFAULT_SEARCH_SIZE = 10;
export const MAX_SEARCH_SIZE = 50;
/** Longer texts are names of nothing, and would make Lucene queries of too many clauses. */
export const MAX_SEARCH_TEXT = 100;

interface SearchArgs {
  text: string;
  kinds?: string[] | null;
  first?: number | null;
}

export const searchResolvers = {
  Query: {
    search: async (_: unknown, args: SearchArgs, ctx: Context) => {
      const text = args.text.trim();
      if (text === '') throw badInput('text: give something to search for', 'text');
      if ([...text].length > MAX_SEARCH_TEXT) {
        throw badInput(
          `text: at most ${MAX_SEARCH_TEXT} characters, got ${[...text].length}`,
          'text',
        );
      }
      const first = args.first ?? DEFAULT_SEARCH_SIZE;
      if (first < 0) throw badInput('first must not be negative', 'first');
      if (first > MAX_SEARCH_SIZE)
        throw badInput(`first must be at most ${MAX_SEARCH_SIZE}, got ${first}`, 'first');
      const kinds = args.kinds ? args.kinds.map((k) => k.toLowerCase() as Kind) : null;
      const hits = await search(ctx.db, text, { kinds, first });
      for (const hit of hits) ctx.loaders.entity.prime(hit.entity.id, hit.entity);
      return hits;
    },
  },

  SearchHit: {
    kind: (hit: SearchHit) => hit.entity.kind.toUpperCase(),
  },
};
