/**
 * Refuses variables that are not text before anything executes: a lone surrogate (`"\ud800"`
 * in a JSON body) has no UTF-8 form, so Neo4j would store U+FFFD in its place and a damaged
 * name would read as one a source wrote. The answer is BAD_USER_INPUT naming the argument and
 * the field within it. (In the document itself, GraphQL's lexer refuses one already.)
 */
import { type ASTNode, type DocumentNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badInput } from '../../graphql/errors.ts';
import { textProblems } from '../../import/validate.ts';

type Step = ASTNode | readonly ASTNode[] | undefined;

/** The argument (and object fields within it) a node sits in: `record.name`. */
function argumentPath(ancestors: readonly Step[], parent: Step) {
  const names: string[] = [];
  for (const step of [...ancestors, parent]) {
    if (!step) continue;
    if (!('kind' in step)) continue;
    if (step.kind === 'Argument' || step.kind === 'ObjectField') names.push(step.name.value);
  }
  return names.join('.');
}

/** Each variable a document uses, with the argument path where it is first used. */
function variableUses(document: DocumentNode): ReadonlyMap<string, string> {
  const uses = new Map<string, string>();
  visit(document, {
    Variable(node, _key, parent, _path, ancestors) {
      const at = argumentPath(ancestors, parent);
      // Not its definition; and once, where it is first used.
      if (at && !uses.has(node.name.value)) uses.set(node.name.value, at);
    },
  });
  return uses;
}

export function useWellFormedText(): Plugin {
  // Yoga's parser cache hands the same document to every request of one operation text, so
  // the document is walked once, not on every request.
  const usesOf = new WeakMap<DocumentNode, ReadonlyMap<string, string>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      let uses = usesOf.get(args.document);
      if (!uses) {
        uses = variableUses(args.document);
        usesOf.set(args.document, uses);
      }
      const problems: { argument: string; field: string; message: string }[] = [];
      for (const [name, at] of uses)
        for (const p of textProblems(variables[name], at))
          problems.push({ argument: at.split('.')[0] as string, ...p });
      if (problems.length === 0) return;
      setResultAndStopExecution({
        errors: problems.map((p) => badInput(`${p.field}: ${p.message}`, p.argument)),
      });
    },
  };
}
