/**
 * API keys: a key is a random secret given to a client once; Accord keeps only its SHA-256
 * hash, with a name and a role, in a JSON file (ACCORD_KEYS_FILE):
 *
 *   { "keys": [ { "name": "ci-loader", "role": "editor", "sha256": "9f86d0…", "created": "2025-…" } ] }
 *
 * Clients send the key as `Authorization: Bearer KEY` or `X-API-Key: KEY`. The service reads
 * the file at start and again when it changes (looked at no more than every few seconds), so
 * keys are added and revoked without a restart. Keys never reach a log: only their names do.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { ConfigError, ROLES, type Role } from '../config.ts';

export interface KeyEntry {
  name: string;
  role: Exclude<Role, 'none'>;
  sha256: string;
  created?: string;
}

export interface KeyFile {
  keys: KeyEntry[];
}

/** Who a request is: its role, and the name of its key when it presented one. */
export interface Principal {
  role: Role;
  keyName?: string;
  /** The request presented a key that is not (or no longer) in the file. */
  invalidKey?: boolean;
}

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new secret: `accord_` and 32 random bytes, base64url. */
export const newKey = () => `accord_${randomBytes(32).toString('base64url')}`;

/** The key a request presents, if any. */
export function presentedKey(headers: Headers): string | undefined {
  const auth = headers.get('authorization');
  if (auth) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return match ? match[1] : auth.trim();
  }
  return headers.get('x-api-key')?.trim() || undefined;
}

export function parseKeyFile(text: string, path: string): KeyFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not JSON (${(error as Error).message})`);
  }
  const keys = (data as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new ConfigError(`${path}: expected {"keys": [...]}`);
  keys.forEach((entry: Partial<KeyEntry>, i) => {
    const where = `${path}: keys[${i}]`;
    if (typeof entry?.name !== 'string' || entry.name === '')
      throw new ConfigError(`${where}: name is required`);
    if (!ROLES.includes(entry.role as Role) || (entry.role as Role) === 'none')
      throw new ConfigError(`${where}: role must be reader, editor or admin`);
    if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256))
      throw new ConfigError(`${where}: sha256 must be 64 lower-case hex digits`);
  });
  return { keys: keys as KeyEntry[] };
}

export function readKeyFile(path: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { keys: [] };
    throw new ConfigError(`cannot read ACCORD_KEYS_FILE ${path}: ${(error as Error).message}`);
  }
  return parseKeyFile(text, path);
}

/** Writes the file whole (through a temporary file and a rename), readable by its owner only. */
export function writeKeyFile(path: string, file: KeyFile): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

/** Adds a key with `role` under `name` (replacing a key of that name) and returns the secret. */
export function addKey(path: string, name: string, role: KeyEntry['role']): string {
  const file = readKeyFile(path);
  const key = newKey();
  const keys = file.keys.filter((entry) => entry.name !== name);
  keys.push({ name, role, sha256: hashKey(key), created: new Date().toISOString() });
  writeKeyFile(path, { keys });
  return key;
}

export function revokeKey(path: string, name: string): boolean {
  const file = readKeyFile(path);
  const keys = file.keys.filter((entry) => entry.name !== name);
  if (keys.length === file.keys.length) return false;
  writeKeyFile(path, { keys });
  return true;
}

export interface KeyStore {
  /** The principal of a request: its key's role, or the anonymous role without a key. */
  principal(headers: Headers): Principal;
}

/**
 * The keys of `path` (none when undefined), re-read when the file's modification time or size
 * changes, looked at no more often than every `recheckMs`.
 */
export function keyStore(
  path: string | undefined,
  anonymousRole: Role,
  recheckMs = 2000,
): KeyStore {
  let byHash = new Map<string, KeyEntry>();
  let stamp = '';
  let checkedAt = 0;
  const load = () => {
    if (!path) return;
    let current = 'missing';
    try {
      const stat = statSync(path);
      current = `${stat.mtimeMs}:${stat.size}`;
    } catch {}
    if (current === stamp) return;
    byHash = new Map(readKeyFile(path).keys.map((entry) => [entry.sha256, entry]));
    stamp = current;
  };
  load();
  return {
    principal(headers) {
      const key = presentedKey(headers);
      if (key === undefined) return { role: anonymousRole };
      const now = Date.now();
      if (now - checkedAt > recheckMs) {
        checkedAt = now;
        try {
          load();
        } catch {
          // A file broken while the service runs keeps the keys last read.
        }
      }
      const entry = byHash.get(hashKey(key));
      return entry ? { role: entry.role, keyName: entry.name } : { role: 'none', invalidKey: true };
    },
  };
}
