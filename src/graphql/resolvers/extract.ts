/** Resolvers for schema/extract.graphql (to be written). */
export const extractResolvers = {};
