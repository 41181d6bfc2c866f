/**
 * Limits on the shape of an operation, checked while it is validated, before any resolver
 * runs: depth, cost, aliases, tokens and directives (graphql-armor), field suggestions left
 * out of error messages, and introspection when it is switched off (ACCORD_INTROSPECTION).
 * Page sizes, path hops and neighbourhood depth are capped by the resolvers' arguments.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SecurityConfig } from '../../config.ts';

export function useArmor(security: SecurityConfig): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        EnvelopArmorPlugin({
          maxDepth: { n: security.maxDepth, ignoreIntrospection: true },
          costLimit: { maxCost: security.maxCost, ignoreIntrospection: true },
          maxAliases: { n: security.maxAliases },
          maxTokens: { n: security.maxTokens },
          maxDirectives: { n: security.maxDirectives },
          blockFieldSuggestion: { enabled: true },
        }) as Plugin,
      );
    },
    onValidate({ addValidationRule }) {
      if (!security.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
