/**
 * The offline route's second thread: the name keys and search terms of a chunk of records'
 * names (src/import/rows.ts `naming`: names folded, pinyin), the costliest part of their rows,
 * computed while the main thread reads the file and writes the CSV (./naming.ts).
 */
import { parentPort } from 'node:worker_threads';
import { naming } from '../rows.ts';

parentPort?.on('message', ({ chunk, names }: { chunk: number; names: (string[] | null)[] }) => {
  parentPort?.postMessage({ chunk, named: names.map((n) => (n ? naming(n) : null)) });
});
