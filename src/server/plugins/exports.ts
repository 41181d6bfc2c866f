/**
 * Graph exports over HTTP, for visualisation frontends and for opening in Gephi or Cytoscape:
 * `GET /export/graph.json` (Cytoscape.js JSON), `/export/graph.graphml` and
 * `/export/graph.gexf`, with `?seed=ID&seed=ID&depth=N&asOf=DATE` for a neighbourhood.
 * The same options and writers as `accord export`; the body is streamed as it is written.
 * Wrong input (an unknown format, a depth over 3, a bad date) is a 400, an unknown seed a 404,
 * each with `{"error": message}`.
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../db/driver.ts';
import { formatOfExtension, GRAPH_FORMATS } from '../../export/formats.ts';
import { ExportInputError, graphExportOptions, loadGraph } from '../../export/graph.ts';

const PATH = /^\/export\/graph\.([A-Za-z0-9]+)$/;
const PARAMETERS = new Set(['seed', 'depth', 'asOf']);

/** A readable byte stream over text chunks; cancelling it stops the writer (and its queries). */
function byteStream(
  fetchAPI: { ReadableStream: typeof ReadableStream },
  chunks: AsyncGenerator<string>,
) {
  const encoder = new TextEncoder();
  return new fetchAPI.ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export function useGraphExports({ db }: { db: Database }): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = PATH.exec(url.pathname);
      if (!match) return;
      const fail = (status: number, error: string) =>
        endResponse(fetchAPI.Response.json({ error }, { status }));
      if (request.method !== 'GET') {
        return fail(405, `${request.method} is not allowed: use GET`);
      }
      const format = formatOfExtension(match[1] as string);
      if (!format) {
        return fail(
          400,
          `unknown export format "${match[1]}": use /export/graph.json (Cytoscape.js), /export/graph.graphml or /export/graph.gexf`,
        );
      }
      const unknown = [...new Set(url.searchParams.keys())].filter((key) => !PARAMETERS.has(key));
      if (unknown.length > 0) {
        return fail(400, `unknown parameter ${unknown.join(', ')}: use seed, depth and asOf`);
      }
      try {
        const options = graphExportOptions({
          seeds: url.searchParams.getAll('seed'),
          depth: url.searchParams.get('depth'),
          asOf: url.searchParams.get('asOf'),
        });
        const graph = await loadGraph(db, options);
        const { write, contentType, extension } = GRAPH_FORMATS[format];
        endResponse(
          new fetchAPI.Response(byteStream(fetchAPI, write(graph)), {
            headers: {
              'content-type': contentType,
              'content-disposition': `attachment; filename="accord-graph.${extension}"`,
              'cache-control': 'no-store',
            },
          }),
        );
      } catch (error) {
        if (error instanceof ExportInputError) return fail(error.status, error.message);
        return fail(500, `the export failed: ${error instanceof Error ? error.message : error}`);
      }
    },
  };
}
