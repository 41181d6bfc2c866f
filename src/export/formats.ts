/**
 * The graph export formats by name, for the command line and the HTTP endpoints: each one's
 * writer, media type and file extension. `ndjson` (the import format, src/export/records.ts)
 * is not among them: it writes records, not a drawn graph.
 */
import { writeCytoscape } from './cytoscape.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import type { ExportGraph } from './shape.ts';

export interface GraphFormat {
  write(graph: ExportGraph): AsyncGenerator<string>;
  contentType: string;
  extension: string;
}

export const GRAPH_FORMATS = {
  cytoscape: {
    write: writeCytoscape,
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
  },
  graphml: {
    write: writeGraphml,
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
  },
  gexf: { write: writeGexf, contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
} as const satisfies Record<string, GraphFormat>;

export type GraphFormatName = keyof typeof GRAPH_FORMATS;

export const isGraphFormat = (name: string): name is GraphFormatName =>
  Object.hasOwn(GRAPH_FORMATS, name);

/** The format whose file extension this is (`json` is Cytoscape.js JSON). */
export const formatOfExtension = (extension: string): GraphFormatName | undefined =>
  (Object.keys(GRAPH_FORMATS) as GraphFormatName[]).find(
    (name) => GRAPH_FORMATS[name].extension === extension,
  );
