/**
 * Which role an operation needs, read from its parsed document before anything runs:
 * a query needs `reader`; a mutation needs `editor`, or `admin` when it selects a field of
 * ADMIN_MUTATIONS. A Mutation field not named here (one added later) needs `editor`: new
 * writes are never open to readers by default.
 */
import {
  type DocumentNode,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Role } from '../config.ts';

export const ADMIN_MUTATIONS: ReadonlySet<string> = new Set(['mergeEntities', 'deleteEntity']);

const RANK: Record<Role, number> = { none: 0, reader: 1, editor: 2, admin: 3 };

export const allows = (held: Role, needed: Role) => RANK[held] >= RANK[needed];

/** The root fields an operation selects, through fragments and inline fragments. */
export function rootFields(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const fields = new Set<string>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return [...fields];
}

export interface Requirement {
  role: Role;
  operation: OperationDefinitionNode | null;
  /** The fields that need `role` (for the error message). */
  fields: string[];
}

/** The role the operation `operationName` of `document` needs. */
export function requiredRole(document: DocumentNode, operationName?: string | null): Requirement {
  const operation = getOperationAST(document, operationName);
  // No such operation: graphql-js refuses it before resolving anything; ask for a reader.
  if (!operation) return { role: 'reader', operation: null, fields: [] };
  const fields = rootFields(document, operation);
  if (operation.operation !== 'mutation') return { role: 'reader', operation, fields };
  const admin = fields.filter((f) => ADMIN_MUTATIONS.has(f));
  if (admin.length > 0) return { role: 'admin', operation, fields: admin };
  return { role: 'editor', operation, fields: fields.filter((f) => f !== '__typename') };
}
