/**
 * Persisted operations: an allow-list of the operations a deployment's clients may run, kept
 * as a manifest `{ "<sha256 of the document>": "<document>" }` (the shape GraphQL Codegen's
 * persisted documents use). `accord persist` builds one from .graphql files; the service
 * reads it at start (ACCORD_PERSISTED_OPERATIONS) and refuses to start if any entry does not
 * validate against the schema, so a stale client never finds out in production.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  validate,
  visit,
} from 'graphql';
import { ConfigError } from '../config.ts';

/** Operation id → its document, parsed and validated. */
export type PersistedOperations = ReadonlyMap<string, DocumentNode>;

const documentId = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Reads and checks a manifest; every problem names the file and the id. */
export function readPersistedOperations(path: string, schema: GraphQLSchema): PersistedOperations {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `cannot read ACCORD_PERSISTED_OPERATIONS ${path}: ${(error as Error).message}`,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`${path}: expected an object of {"<id>": "<GraphQL document>"}`);
  }
  const operations = new Map<string, DocumentNode>();
  for (const [id, text] of Object.entries(data)) {
    const where = `${path}: operation ${id}`;
    if (typeof text !== 'string') throw new ConfigError(`${where}: the document must be a string`);
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch (error) {
      throw new ConfigError(`${where}: ${(error as GraphQLError).message}`);
    }
    const errors = validate(schema, document);
    if (errors.length > 0) {
      throw new ConfigError(`${where} does not fit the schema: ${errors[0]?.message}`);
    }
    operations.set(id, document);
  }
  return operations;
}

/**
 * The manifest entries of a set of documents: each named operation becomes one entry, with
 * the fragments it uses, printed in GraphQL's canonical form and keyed by that text's SHA-256.
 */
export function persistOperations(
  sources: { name: string; text: string }[],
  schema: GraphQLSchema,
): { manifest: Record<string, string>; operations: { name: string; id: string }[] } {
  const definitions: DefinitionNode[] = [];
  for (const source of sources) {
    try {
      definitions.push(...parse(source.text).definitions);
    } catch (error) {
      throw new ConfigError(`${source.name}: ${(error as GraphQLError).message}`);
    }
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const manifest: Record<string, string> = {};
  const operations: { name: string; id: string }[] = [];
  for (const operation of definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
    const name = operation.name?.value;
    if (!name) throw new ConfigError('every persisted operation needs a name');
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [operation, ...usedFragments(operation, fragments)],
    };
    const errors = validate(schema, document);
    if (errors.length > 0) {
      throw new ConfigError(`operation ${name} does not fit the schema: ${errors[0]?.message}`);
    }
    const text = print(document);
    const id = documentId(text);
    manifest[id] = text;
    operations.push({ name, id });
  }
  return { manifest, operations };
}

/** The fragments an operation spreads, directly or through other fragments, in a stable order. */
function usedFragments(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  for (let node = pending.pop(); node; node = pending.pop()) {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new ConfigError(`fragment ${name} is not defined`);
        if (used.has(name)) return;
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}
