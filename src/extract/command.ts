/**
 * `accord extract ARTICLE [--published YYYY-MM-DD] [--source-url URL] [--out FILE]`: drafts
 * import records from a news article (plain text, or an HTML file). The draft is NDJSON: one
 * `{"record", "confidence", "span", "evidence"}` line per record and one `{"unplaced"}` line
 * per thing found but not placed; `--records-only` writes the bare records, ready for
 * `accord import`. Names are matched against the graph when Neo4j answers (`--no-graph` skips).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.ts';
import { createDatabase, type Database, DatabaseUnavailableError } from '../db/driver.ts';
import { calendarDate } from './dates.ts';
import type { Draft } from './draft.ts';
import { extractDraft } from './extract.ts';

const publicationDate = (value: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !calendarDate(Number(m[1]), Number(m[2]), Number(m[3])))
    throw new InvalidArgumentError('must be a date, YYYY-MM-DD');
  return value;
};

/** The draft as NDJSON lines: records with their evidence, then what was not placed. */
export function draftLines(draft: Draft, recordsOnly = false): string[] {
  const records = draft.records.map((r) => JSON.stringify(recordsOnly ? r.record : r));
  if (recordsOnly) return records;
  return [...records, ...draft.unplaced.map((u) => JSON.stringify({ unplaced: u }))];
}

/** A line for a person: how much the draft holds. */
function summary(draft: Draft, matched: boolean | string): string {
  const counts = new Map<string, number>();
  for (const r of draft.records) counts.set(r.record.type, (counts.get(r.record.type) ?? 0) + 1);
  const parts = [...counts].map(([type, n]) => `${n} ${type}`);
  const matches = draft.records.filter((r) => r.match).length;
  const graph =
    matched === true
      ? `${matches} matched to the graph`
      : `not matched against the graph${typeof matched === 'string' ? ` (${matched})` : ''}`;
  return `drafted ${draft.records.length} records (${parts.join(', ')}), ${draft.unplaced.length} unplaced; ${graph}\n`;
}

export function extractCommand(program: Command): void {
  program
    .command('extract')
    .description('draft import records from a news article (text or HTML) for review')
    .argument('<article>', 'the article: a .txt file, or an .html file')
    .option(
      '--published <date>',
      'publication date (YYYY-MM-DD): dates 昨日 and 今日; gives a month and day no year',
      publicationDate,
    )
    .option('--source-url <url>', 'the article’s address, for the source record')
    .option('--out <file>', 'write the draft to this file instead of standard output')
    .option(
      '--records-only',
      'write bare import records (no confidence, evidence or unplaced lines)',
    )
    .option('--no-graph', 'do not match names against the graph in Neo4j')
    .action(async (file: string, options) => {
      let input: string;
      try {
        input = await readFile(file, 'utf8');
      } catch (error) {
        console.error(`accord: cannot read ${file}: ${(error as Error).message}`);
        process.exitCode = 1;
        return;
      }
      const html = /\.html?$/i.test(file) || /^\s*<(!doctype|html|body|div|p)\b/i.test(input);
      let db: Database | undefined;
      let matched: boolean | string = false;
      if (options.graph) {
        db = createDatabase(loadConfig().neo4j);
        try {
          await db.verify();
          matched = true;
        } catch (error) {
          if (!(error instanceof DatabaseUnavailableError)) throw error;
          matched = 'Neo4j did not answer';
          await db.close();
          db = undefined;
        }
      }
      try {
        const draft = await extractDraft(input, {
          html,
          ...(options.published ? { publishedOn: options.published } : {}),
          ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
          ...(db ? { db } : {}),
        });
        const text = `${draftLines(draft, options.recordsOnly).join('\n')}\n`;
        if (options.out) await writeFile(options.out, text);
        else process.stdout.write(text);
        process.stderr.write(summary(draft, matched));
      } finally {
        await db?.close();
      }
    });
}
