/**
 * Helpers for the production suites: an app built from an environment of our choosing, with
 * its log lines captured, raw HTTP requests against it, and a keys file with one key a role.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { addKey } from '../../src/auth/keys.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/driver.ts';
import { createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/log.ts';
import { TEST_ENV } from '../support/db.ts';

export interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  [key: string]: unknown;
}

/** A pino destination that keeps every line, and the lines parsed. */
export function captureLogs() {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return {
    stream,
    raw,
    lines: () => raw.map((line) => JSON.parse(line) as LogLine),
  };
}

export type App = ReturnType<typeof createApp>;

/** The app over `db`, configured from `env` (over the defaults), logging into `logs`. */
export function testApp(
  db: Database,
  env: Record<string, string> = {},
  logs = captureLogs(),
  logLevel = 'info',
) {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ACCORD_SEED: 'false',
    ...TEST_ENV,
    ...env,
  });
  const logger = createLogger({ logLevel }, logs.stream);
  return { app: createApp({ db, config, logger }), logs, config };
}

export interface Keys {
  file: string;
  reader: string;
  editor: string;
  admin: string;
}

export function keysFile(): Keys {
  const file = join(mkdtempSync(join(tmpdir(), 'accord-keys-')), 'keys.json');
  return {
    file,
    reader: addKey(file, 'test-reader', 'reader'),
    editor: addKey(file, 'test-editor', 'editor'),
    admin: addKey(file, 'test-admin', 'admin'),
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
  body: any;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** POSTs a GraphQL operation to the app; `key` goes in `Authorization: Bearer`. */
export async function post(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  options: { key?: string; headers?: Record<string, string>; operationName?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
    ...options.headers,
  };
  const response = await app.fetch('http://accord.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables, operationName: options.operationName }),
  });
  return answer(response);
}

/** Sends anything to the app. */
export async function raw(app: App, path: string, init: RequestInit): Promise<Answer> {
  return answer(await app.fetch(`http://accord.test${path}`, init));
}

export const codes = (a: Answer): string[] =>
  ((a.body?.errors ?? []) as { extensions?: { code?: string } }[]).map(
    (e) => e.extensions?.code ?? 'NONE',
  );
