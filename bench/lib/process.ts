/**
 * Child processes for the benchmark: a command timed under `/usr/bin/time -v` (wall clock and
 * peak resident memory), and long-running servers started, awaited and stopped by their pid.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TimedResult {
  code: number;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  /** Peak resident set size of the process, from /usr/bin/time -v (NaN without it). */
  peakRssMb: number;
}

const TIME = '/usr/bin/time';

/** Runs a command to its end, collecting its output, timed and with its peak memory. */
export async function timed(
  command: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<TimedResult> {
  const withTime = existsSync(TIME);
  // time's report goes to a file of its own: written to the command's standard error, it was
  // cut short twice at 1M (time then ended with status 1 after the command had succeeded),
  // a pipe the command (Node) had left non-blocking being the likeliest cause.
  const report = join(mkdtempSync(join(tmpdir(), 'accord-time-')), 'report');
  const argv = withTime ? [TIME, '-v', '-o', report, ...command] : command;
  const started = performance.now();
  const child = spawn(argv[0] as string, argv.slice(1), {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  const elapsedMs = Math.round(performance.now() - started);
  const timeReport = withTime && existsSync(report) ? readFileSync(report, 'utf8') : '';
  rmSync(dirname(report), { recursive: true, force: true });
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport);
  return {
    code: code ?? 1,
    stdout,
    stderr,
    elapsedMs,
    peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : Number.NaN,
  };
}

/** Runs a command that prints one JSON document on standard output; throws when it fails. */
export async function timedJson<T>(
  command: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ value: T; run: TimedResult }> {
  const run = await timed(command, options);
  if (run.code !== 0) {
    // Both ends of the output: a command that printed its summary and then failed says why.
    throw new Error(
      `${command.join(' ')} failed (exit ${run.code}):\n${run.stderr.slice(-3000)}\nstandard output: ${run.stdout.slice(-3000)}`,
    );
  }
  const text = run.stdout.trim();
  const json = text.slice(text.indexOf('{'));
  return { value: JSON.parse(json) as T, run };
}

export interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a server process and waits until `ready(url)` resolves true (polled), at most
 * `timeoutMs`. Its output goes to /dev/null: a service writing its request log is part of
 * what is measured, not of what is read.
 */
export async function startServer(
  command: string[],
  options: {
    env: NodeJS.ProcessEnv;
    url: string;
    ready: (url: string) => Promise<boolean>;
    timeoutMs?: number;
  },
): Promise<Server> {
  const child: ChildProcess = spawn(command[0] as string, command.slice(1), {
    env: options.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  // BENCH_READY_TIMEOUT_MS: a server on a machine loaded many times over its cores needs longer.
  const timeoutMs = options.timeoutMs ?? Number(process.env.BENCH_READY_TIMEOUT_MS ?? 60_000);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${command.join(' ')} exited before it was ready:\n${stderr}`);
    if (await options.ready(options.url).catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${command.join(' ')} was not ready within ${timeoutMs} ms:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url: options.url,
    pid: child.pid as number,
    async stop() {
      if (exited) return;
      const done = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    },
  };
}
