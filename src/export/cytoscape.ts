/**
 * Cytoscape.js JSON: `{elements: {nodes: [{data}], edges: [{data}]}}`, the shape that
 * `cytoscape({elements})` and Cytoscape desktop's "Network from File" (.cyjs) read. Each
 * element's `data` holds its id, kind or type, label, dates and stored properties as JSON
 * values (lists stay lists); `data` at the top describes what was exported.
 */
import type { ExportEdge, ExportGraph, ExportNode } from './shape.ts';

/** The fields every element has, then its stored properties: those that are set. */
function data(fields: Record<string, unknown>, properties: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value != null) out[key] = value;
  for (const [key, value] of Object.entries(properties)) {
    if (value != null && !(key in fields)) out[key] = value;
  }
  return out;
}

export const nodeData = (node: ExportNode) =>
  data(
    { id: node.id, kind: node.kind, label: node.label, start: node.start, end: node.end },
    node.properties,
  );

export const edgeData = (edge: ExportEdge) =>
  data(
    {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      start: edge.start,
      end: edge.end,
    },
    edge.properties,
  );

export async function* writeCytoscape(graph: ExportGraph): AsyncGenerator<string> {
  const { scope } = graph;
  yield `{"format_version":"1.0","generated_by":"accord","target_cytoscapejs_version":"~3","data":${JSON.stringify(
    { name: 'accord', ...scope },
  )},"elements":{"nodes":[`;
  let first = true;
  for await (const node of graph.nodes()) {
    yield `${first ? '' : ','}\n{"data":${JSON.stringify(nodeData(node))}}`;
    first = false;
  }
  yield '\n],"edges":[';
  first = true;
  for await (const edge of graph.edges()) {
    yield `${first ? '' : ','}\n{"data":${JSON.stringify(edgeData(edge))}}`;
    first = false;
  }
  yield '\n]}}\n';
}
