/** Resolvers for schema/graph.graphql (to be written). */
export const graphResolvers = {};
