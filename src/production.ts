/**
 * The service runs in production mode unless told otherwise (`NODE_ENV`). Imported first by
 * main.ts, before graphql-js is loaded: graphql-js reads `NODE_ENV` once, and outside
 * production every type check of its execution (`isNonNullType`, `isListType`, ... about ten
 * for each of the list's 2,000 fields) falls back to comparing class names after a failed
 * `instanceof`, a few per cent of the server's CPU on a large answer (bench/README.md).
 * Tests run with vitest's `NODE_ENV=test` and keep graphql-js's checks.
 */
process.env.NODE_ENV ??= 'production';
