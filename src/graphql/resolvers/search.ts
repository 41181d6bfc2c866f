/** Resolvers for schema/search.graphql (to be written). */
export const searchResolvers = {};
