/** Running the `accord` command line as a user would: a child process against the test Neo4j. */
import { spawn } from 'node:child_process';
import { testEnv } from './db.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node src/cli.ts ARGS`, with `input` on its standard input and `env` added to its
 * environment, and waits for it to exit.
 */
export async function accord(
  args: string[],
  input = '',
  env: Record<string, string> = {},
): Promise<CliResult> {
  const child = spawn('node', ['src/cli.ts', ...args], { env: testEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdin.end(input);
  const code = await new Promise<number>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
