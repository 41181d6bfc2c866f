/**
 * Structured logs: pino, one JSON object a line on standard output (LOG_FORMAT=pretty for
 * development, through the pino-pretty dev dependency). Request lines carry the request id,
 * operation, duration and Neo4j round trips; masked errors are logged whole, with their
 * stack, under the request id the client saw. API keys never reach a log (headers are not
 * logged, and the usual places are redacted should anyone add them).
 */

import type { YogaLogger } from 'graphql-yoga';
import { type DestinationStream, type Logger, pino } from 'pino';
import { wasMasked } from './errors.ts';

export type { Logger };

export interface LogOptions {
  logLevel: string;
  logFormat?: 'json' | 'pretty';
}

export function createLogger(options: LogOptions, destination?: DestinationStream): Logger {
  const settings = {
    level: options.logLevel,
    base: { service: 'accord' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['headers.authorization', 'headers["x-api-key"]', 'key', 'apiKey'],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(settings, destination);
  if (options.logFormat === 'pretty') {
    return pino({ ...settings, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(settings);
}

/**
 * yoga's own messages through pino. An error yoga logs after masking it is left out: the
 * request's log line reports it, with the request id.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (level === 'error' && wasMasked(first)) return;
      if (first instanceof Error) logger[level]({ err: first }, rest.map(String).join(' '));
      else
        logger[level](args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
