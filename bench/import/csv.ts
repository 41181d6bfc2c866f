/**
 * The graph an import file describes, as neo4j-admin's CSV files: Accord's own offline writer
 * (src/import/offline/: the import's validation and resolution, and the properties the create
 * path stores), for the neo4j-admin baseline, which times neo4j-admin alone on them.
 *
 *   node bench/import/csv.ts FILE OUT_DIR
 *
 * Prints a JSON summary with the neo4j-admin arguments that load the files.
 */
import { writeAdminFiles } from '../../src/import/offline/import.ts';
import { emptySummary } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { formatIssue } from '../../src/import/records.ts';

export interface CsvSummary {
  records: number;
  nodes: number;
  relationships: number;
  /** Arguments for `neo4j-admin database import full`. */
  adminArguments: string[];
  elapsedMs: number;
}

export async function writeCsv(file: string, outDir: string): Promise<CsvSummary> {
  const started = performance.now();
  const summary = emptySummary();
  const files = await writeAdminFiles([fileInput(file)], outDir, summary);
  if (!files) {
    throw new Error(
      `${file} is not importable:\n${summary.errors.slice(0, 5).map(formatIssue).join('\n')}`,
    );
  }
  return {
    records: summary.records,
    nodes: files.nodes,
    relationships: files.relationships,
    adminArguments: files.adminArguments,
    elapsedMs: Math.round(performance.now() - started),
  };
}

if (import.meta.main) {
  const [file, outDir] = process.argv.slice(2);
  if (!file || !outDir) throw new Error('usage: node bench/import/csv.ts FILE OUT_DIR');
  console.log(JSON.stringify(await writeCsv(file, outDir), null, 2));
}
