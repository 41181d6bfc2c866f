/**
 * All resolvers, one module per concern. Resolvers stay thin: they read arguments, call a
 * repository or loader, and shape the result. The relationship fields come from the
 * catalogue (following.ts).
 */
import { withFollowing } from './following.ts';
import { entityResolvers } from './resolvers/entities.ts';
import { extractResolvers } from './resolvers/extract.ts';
import { graphResolvers } from './resolvers/graph.ts';
import { mutationResolvers } from './resolvers/mutations.ts';
import { queryResolvers } from './resolvers/queries.ts';
import { searchResolvers } from './resolvers/search.ts';
import { DateScalar, JSONScalar } from './scalars.ts';

function merge(...parts: Record<string, Record<string, unknown>>[]) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts)
    for (const [type, fields] of Object.entries(part)) out[type] = { ...out[type], ...fields };
  return out;
}

export const resolvers = {
  Date: DateScalar,
  JSON: JSONScalar,
  ...withFollowing(
    merge(
      entityResolvers as never,
      queryResolvers as never,
      mutationResolvers as never,
      searchResolvers as never,
      graphResolvers as never,
      extractResolvers as never,
    ),
  ),
};
