/**
 * Limits on the shape of an operation, checked while it is validated, before any resolver
 * runs: depth, cost, aliases, tokens and directives (graphql-armor), field suggestions left
 * out of error messages, and introspection when it is switched off (ACCORD_INTROSPECTION).
 * Page sizes, path hops and neighbourhood depth are capped by the resolvers' arguments.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SecurityConfig } from '../../config.ts';

/**
 * graphql-armor words its refusals as syntax errors and stops validation at the first; report
 * each as a validation error with a code of its own instead. (The token limit acts while
 * parsing, with no validation context: that one stays a syntax error.)
 */
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      const message = error.message.replace(/^Syntax Error: /, '');
      if (!context) throw error;
      context.reportError(new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } }));
    },
  ],
};

export function useArmor(security: SecurityConfig): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        EnvelopArmorPlugin({
          maxDepth: { n: security.maxDepth, ignoreIntrospection: true, ...report },
          costLimit: { maxCost: security.maxCost, ignoreIntrospection: true, ...report },
          maxAliases: { n: security.maxAliases, ...report },
          maxTokens: { n: security.maxTokens },
          maxDirectives: { n: security.maxDirectives, ...report },
          blockFieldSuggestion: { enabled: true },
        }) as Plugin,
      );
    },
    onValidate({ addValidationRule }) {
      if (!security.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
