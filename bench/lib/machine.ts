/** The machine a benchmark ran on, for the tables. */
import { execFile } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function machine() {
  let java = 'unknown';
  try {
    const { stderr } = await run('java', ['-version']);
    java = stderr.split('\n')[0]?.trim() ?? java;
  } catch {}
  const cores = cpus();
  return {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    java,
    neo4jVersion: process.env.NEO4J_VERSION ?? '5.26.30',
    /** 1, 5 and 15 minute load averages when this was taken: the machine is shared. */
    loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
  };
}
