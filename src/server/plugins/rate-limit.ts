/**
 * A per-client rate limit on /graphql and /export/ (ACCORD_RATE_LIMIT a minute; 0: none): a
 * token bucket per API key, or per client address for requests without a valid key (from
 * X-Forwarded-For when ACCORD_TRUST_PROXY is on). Over the limit: 429 with Retry-After.
 * Each instance counts for itself: behind a load balancer over N instances a client gets
 * up to N times the limit.
 */
import type { Plugin } from 'graphql-yoga';
import type { KeyStore } from '../../auth/keys.ts';

interface Bucket {
  tokens: number;
  updated: number;
}

export interface RateLimitOptions {
  perMinute: number;
  trustProxy: boolean;
  keys: KeyStore;
  graphqlEndpoint?: string;
  now?: () => number;
}

function clientAddress(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } })?.req;
  return req?.socket?.remoteAddress ?? 'local';
}

export function useRateLimit(options: RateLimitOptions): Plugin {
  const { perMinute, trustProxy, keys, graphqlEndpoint = '/graphql', now = Date.now } = options;
  if (perMinute <= 0) return {};
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();
  let pruned = now();

  const prune = (time: number) => {
    // A bucket untouched for a minute is full again: forget it.
    for (const [client, bucket] of buckets)
      if (time - bucket.updated > 60_000) buckets.delete(client);
    pruned = time;
  };

  return {
    onRequest({ request, url, serverContext, endResponse }) {
      const limited = url.pathname === graphqlEndpoint || url.pathname.startsWith('/export/');
      if (!limited || request.method === 'OPTIONS') return;
      const principal = keys.principal(request.headers);
      const client =
        principal.keyName !== undefined
          ? `key:${principal.keyName}`
          : `addr:${clientAddress(request, serverContext, trustProxy)}`;
      const time = now();
      if (time - pruned > 60_000) prune(time);
      const bucket = buckets.get(client) ?? { tokens: perMinute, updated: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * perMs);
      bucket.updated = time;
      buckets.set(client, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      endResponse(
        Response.json(
          {
            errors: [
              {
                message: `Rate limit exceeded: ${perMinute} requests a minute; retry after ${retryAfter} s.`,
                extensions: { code: 'RATE_LIMITED', retryAfter },
              },
            ],
          },
          { status: 429, headers: { 'retry-after': String(retryAfter) } },
        ),
      );
    },
  };
}
