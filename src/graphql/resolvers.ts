/**
 * Resolvers stay thin: they read arguments, call a repository or loader, and shape the result.
 */
import { VERSION } from '../version.ts';

export const resolvers = {
  Query: {
    version: () => VERSION,
  },
};
