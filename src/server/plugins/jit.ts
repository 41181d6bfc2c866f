/**
 * Compiled execution: each operation is compiled once by graphql-jit (@envelop/graphql-jit,
 * cached per parsed document) into a function that walks its selection without graphql-js's
 * per-field machinery (argument coercion, type checks, completion by type kind). On the list
 * of 100 agreements (about 2,000 fields) that machinery was a third of the server's CPU
 * (README, Performance).
 *
 * graphql-jit reads a field that has no resolver as a plain property, where graphql-js calls a
 * function-valued property (a connection's lazy `nodes`, `totalCount`, `pageInfo`): every such
 * field gets graphql-js's own default resolver, so answers are the same as without it. It
 * compiles queries only: it parses a JSON literal without the operation's variables (`record:
 * {id: $id}` would lose `$id`), and the JSON scalar is an argument of mutations alone, which
 * are few and small. And its own coercion of variables words a refusal its own way, losing
 * what the scalar says (`"2023-13" is not a date`): an operation whose variables graphql-js
 * refuses runs through graphql-js, which answers as it always did.
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import {
  defaultFieldResolver,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  isObjectType,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

const prepared = new WeakSet<GraphQLSchema>();

/** Gives every field without a resolver graphql-js's default one (modifies `schema`). */
function withDefaultResolvers(schema: GraphQLSchema) {
  if (prepared.has(schema)) return;
  prepared.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= defaultFieldResolver;
  }
}

export function useCompiledExecution(): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        useGraphQlJit(
          {},
          {
            enableIf: ({ schema, document, operationName, variableValues }) => {
              const operation = getOperationAST(document, operationName);
              if (operation?.operation !== 'query') return false;
              const { variableDefinitions: defined = [] } = operation;
              return !getVariableValues(schema, defined, variableValues ?? {}).errors;
            },
          },
        ) as Plugin,
      );
    },
    onSchemaChange({ schema }) {
      withDefaultResolvers(schema);
    },
  };
}
