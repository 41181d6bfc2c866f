#!/usr/bin/env node
/**
 * `npm run keys -- <command>` (or `node src/auth/cli.ts <command>`): API keys in the file
 * ACCORD_KEYS_FILE names (or `--file`). `add` prints the new key once, on standard output;
 * only its SHA-256 hash is stored. A running service picks changes up within seconds.
 */
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '../config.ts';
import { addKey, type KeyEntry, readKeyFile, revokeKey } from './keys.ts';

const ROLE_NAMES = ['reader', 'editor', 'admin'];

function role(value: string): KeyEntry['role'] {
  if (!ROLE_NAMES.includes(value))
    throw new InvalidArgumentError(`must be one of ${ROLE_NAMES.join(', ')}`);
  return value as KeyEntry['role'];
}

function keysFile(options: { file?: string }): string {
  const file = options.file ?? process.env.ACCORD_KEYS_FILE;
  if (!file) throw new ConfigError('name the keys file with --file or ACCORD_KEYS_FILE');
  return file;
}

export function keysCommand(): Command {
  const keys = new Command('keys').description(
    'API keys: add (prints the key once), list, revoke; the file keeps only hashes',
  );
  keys
    .command('add')
    .description('create a key with a role; prints it once')
    .requiredOption('--role <role>', 'reader, editor or admin', role)
    .option('--name <name>', 'a name for the key (who or what uses it)')
    .option('--file <path>', 'the keys file (default: ACCORD_KEYS_FILE)')
    .action((options) => {
      const file = keysFile(options);
      const name = options.name ?? `${options.role}-${new Date().toISOString().slice(0, 10)}`;
      const key = addKey(file, name, options.role);
      process.stdout.write(`${key}\n`);
      process.stderr.write(
        `added key "${name}" (${options.role}) to ${file}; it is shown only this once\n`,
      );
    });
  keys
    .command('list')
    .description('names, roles and creation dates of the keys (never the keys)')
    .option('--file <path>', 'the keys file (default: ACCORD_KEYS_FILE)')
    .action((options) => {
      for (const entry of readKeyFile(keysFile(options)).keys) {
        process.stdout.write(`${entry.name}\t${entry.role}\t${entry.created ?? ''}\n`);
      }
    });
  keys
    .command('revoke')
    .description('remove the key of that name')
    .argument('<name>')
    .option('--file <path>', 'the keys file (default: ACCORD_KEYS_FILE)')
    .action((name: string, options) => {
      if (!revokeKey(keysFile(options), name)) throw new ConfigError(`no key named "${name}"`);
      process.stderr.write(`revoked "${name}"\n`);
    });
  return keys;
}

if (import.meta.main) {
  const program = keysCommand().name('accord-keys');
  try {
    await program.parseAsync();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`accord keys: ${error.message}`);
    process.exitCode = 1;
  }
}
