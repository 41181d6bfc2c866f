/**
 * Reports how many queries a request sent to Neo4j, in `extensions.roundTrips`, when the
 * request carries the header `x-accord-debug: true`: the number that DataLoader batching
 * keeps to one per nesting level.
 */
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../graphql/context.ts';

export function useRoundTripReport(): Plugin<Context & { request: Request }> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as Context & { request: Request };
      if (context.request?.headers.get('x-accord-debug') !== 'true') return;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({
            ...result,
            extensions: { ...result.extensions, roundTrips: context.stats.roundTrips },
          });
        },
      };
    },
  };
}
