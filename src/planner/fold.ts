/**
 * Fold: a statement simplified by what the compiler knows of its parameters before it runs.
 * The `.cypher` files serve every filter shape with one text: `WITH 1 AS go WHERE $party IS
 * NOT NULL` guards each way in, `($kind IS NULL OR a.kind = $kind)` skips an unset filter,
 * `CASE $orderBy WHEN 'NAME' THEN a.name END` picks the sort. A tree knows which filters are
 * set and the order asked, so the branches that cannot run are dropped and the tests that
 * cannot fail are `true`: a shorter statement, which the driver sends in fewer writes (it
 * splits a message into 1,400-byte chunks, each its own write) and Neo4j plans with fewer
 * branches. Only the constructs above are read, from the files this project writes; anything
 * else is left as it is, which is always correct.
 */

/** What is known of the parameters: unset (null), set (some value), or a value. */
export interface Known {
  unset: readonly string[];
  set: readonly string[];
  values: Readonly<Record<string, string>>;
}

type Truth = boolean | undefined;

/** Index of the bracket closing the one at `open`, skipping quoted strings; -1 if none. */
function closing(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return i;
  }
  return -1;
}

/**
 * `text` split at the word `separator` (`AND`, `OR`, `WHERE`) where it stands outside
 * brackets and quotes, between spaces or line breaks.
 */
function splitTop(text: string, separator: string): string[] {
  const word = new RegExp(`\\s${separator}\\s`, 'y');
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0) {
      word.lastIndex = i;
      if (word.test(text)) {
        parts.push(text.slice(start, i + 1));
        start = word.lastIndex - 1;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A guard's truth given `known`, in three values: undefined when it depends on more. */
export function truth(expression: string, known: Known): Truth {
  const e = expression.replace(/\s+/g, ' ').trim();
  const ors = splitTop(e, 'OR');
  if (ors.length > 1) {
    const values = ors.map((part) => truth(part, known));
    return values.includes(true) ? true : values.every((v) => v === false) ? false : undefined;
  }
  const ands = splitTop(e, 'AND');
  if (ands.length > 1) {
    const values = ands.map((part) => truth(part, known));
    return values.includes(false) ? false : values.every((v) => v === true) ? true : undefined;
  }
  if (e.startsWith('(') && closing(e, 0) === e.length - 1) return truth(e.slice(1, -1), known);
  if (e.startsWith('NOT ')) {
    const inner = truth(e.slice(4), known);
    return inner === undefined ? undefined : !inner;
  }
  if (e === 'true') return true;
  if (e === 'false') return false;
  const isNull = /^(\$\w+|null) IS (NOT )?NULL$/.exec(e);
  if (isNull) {
    const [, operand, not] = isNull as unknown as [string, string, string | undefined];
    const name = operand.slice(1);
    const nulled =
      operand === 'null' || known.unset.includes(name)
        ? true
        : known.set.includes(name) || name in known.values
          ? false
          : undefined;
    return nulled === undefined ? undefined : nulled !== Boolean(not);
  }
  const equals = /^\$(\w+) = '([^']*)'$/.exec(e);
  if (equals && (equals[1] as string) in known.values) {
    return known.values[equals[1] as string] === equals[2];
  }
  const within = /^\$(\w+) IN \[((?:'[^']*'(?:, )?)+)\]$/.exec(e);
  if (within && (within[1] as string) in known.values) {
    const listed = [...(within[2] as string).matchAll(/'([^']*)'/g)].map((m) => m[1]);
    return listed.includes(known.values[within[1] as string]);
  }
  return undefined;
}

const CLAUSE = /^\s*(MATCH|OPTIONAL|CALL|UNWIND|RETURN|WITH|ORDER|SKIP|LIMIT)\b/;

/**
 * A union branch's guard: the WHERE of the WITH it opens with, up to the next clause (a line
 * that starts one); null when it opens otherwise or its first WHERE is a MATCH's.
 */
function guardOf(branch: string): { start: number; end: number } | null {
  if (!/^\s*WITH\b/.test(branch)) return null;
  const [before] = splitTop(branch, 'WHERE') as [string];
  if (before.length === branch.length) return null;
  const opening = before.split('\n').slice(1);
  if (opening.some((line) => CLAUSE.test(line))) return null;
  const start = before.length;
  const [first, ...lines] = branch.slice(start).split('\n') as [string, ...string[]];
  let end = start + first.length;
  for (const line of lines) {
    if (CLAUSE.test(line)) break;
    end += line.length + 1;
  }
  return { start, end };
}

/** The bracket depth at the end of `line`, from `depth` at its start (quotes skipped). */
function depthAfter(line: string, depth: number): number {
  let quote = '';
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
  }
  return depth;
}

/** A subquery body's branches, split at its own UNION lines, and which UNION; null: none. */
function branchesOf(body: string): { kind: string; branches: string[] } | null {
  const branches: string[] = [];
  let kind = '';
  let depth = 0;
  let current: string[] = [];
  for (const line of body.split('\n')) {
    const union = depth === 0 ? /^\s*(UNION(?: ALL)?)\s*$/.exec(line) : null;
    if (union) {
      kind = union[1] as string;
      branches.push(current.join('\n'));
      current = [];
    } else current.push(line);
    depth = depthAfter(line, depth);
  }
  branches.push(current.join('\n'));
  return kind ? { kind, branches } : null;
}

/** A branch's own RETURN made RETURN DISTINCT (its last line); null if it ends otherwise. */
function distinct(branch: string): string | null {
  const lines = branch.trimEnd().split('\n');
  const last = lines.at(-1) as string;
  if (!/^\s*RETURN /.test(last)) return null;
  if (!/^\s*RETURN DISTINCT /.test(last))
    lines[lines.length - 1] = last.replace('RETURN ', 'RETURN DISTINCT ');
  return lines.join('\n');
}

/** `CALL (...) {` bodies with top-level UNION lines: the branches that cannot run dropped. */
function pruneUnions(text: string, known: Known): string {
  let out = '';
  let from = 0;
  for (const call of text.matchAll(/CALL \([\w, ]*\) \{\n/g)) {
    const open = (call.index as number) + call[0].length - 2;
    if (open < from) continue;
    const close = closing(text, open);
    if (close < 0) break;
    const union = branchesOf(text.slice(open + 2, close));
    if (!union) continue;
    const kept = union.branches.flatMap((branch) => {
      const guard = guardOf(branch);
      if (!guard) return [branch];
      const t = truth(branch.slice(guard.start + 'WHERE'.length, guard.end), known);
      if (t === false) return [];
      if (t !== true) return [branch];
      // A guard known to hold is dropped with its WHERE, and `WITH 1 AS go` that carried it.
      const rest = branch.slice(0, guard.start) + branch.slice(guard.end);
      return [rest.replace(/^\s*WITH 1 AS go\s*\n/, '')];
    });
    // Nothing would run: the statement as written yields no row either way; left as it is.
    if (kept.length === 0 || kept.length === union.branches.length) continue;
    // One branch of a UNION left: UNION also removed its duplicates.
    const only = kept.length === 1 && union.kind === 'UNION' ? distinct(kept[0] as string) : null;
    if (kept.length === 1 && union.kind === 'UNION' && only === null) continue;
    const body = only ?? kept.map((b) => b.trimEnd()).join(`\n${union.kind}\n`);
    out += `${text.slice(from, open + 2)}${body.trimEnd()}\n`;
    from = close;
  }
  return out + text.slice(from);
}

/** `($p IS NULL OR ...)` groups whose first test is known: true, or the rest of the group. */
function foldGroups(text: string, known: Known): string {
  const group = /\((\$\w+|null) IS NULL OR /g;
  let out = '';
  let from = 0;
  for (const match of text.matchAll(group)) {
    const open = match.index as number;
    if (open < from) continue;
    const close = closing(text, open);
    if (close < 0) break;
    const t = truth(`${match[1]} IS NULL`, known);
    if (t === undefined) continue;
    const rest = text.slice(open + match[0].length, close);
    out += text.slice(from, open) + (t ? 'true' : `(${rest})`);
    from = close + 1;
  }
  return out + text.slice(from);
}

/** `CASE $p WHEN 'x' THEN e END` with $p's value known: `e` or null. */
const foldCases = (text: string, known: Known) =>
  text.replace(/CASE \$(\w+) WHEN '([^']*)' THEN ([\w.]+) END/g, (whole, name, value, then) =>
    name in known.values ? (known.values[name] === value ? then : 'null') : whole,
  );

/** `X AND true` is X; a WHERE of nothing but `true` goes. */
const withoutTrue = (text: string) =>
  text
    .replace(/\s+AND true(?![\w.])/g, '')
    .replace(/\bWHERE true\s+AND\s+/g, 'WHERE ')
    .replace(/\s+WHERE true(?=\s+(?:WITH|RETURN|MATCH|CALL|UNWIND|ORDER)\b|\s*$)/g, '');

/** `text` simplified by `known` (see the module's comment), indentation dropped. */
export function fold(text: string, known: Known): string {
  const folded = withoutTrue(foldCases(foldGroups(pruneUnions(text, known), known), known));
  return folded.replace(/\n[ \t]+/g, '\n').replace(/\n{2,}/g, '\n');
}
