/**
 * GraphML (graphml.graphdrawing.org): a typed `<key>` for every attribute of nodes, edges and
 * the graph, declared before the graph, then one `<data>` per value that is set. Lists of
 * strings (aliases, sources) are written as JSON arrays in string attributes: GraphML has no
 * list type. Read by Cytoscape desktop, yEd, Gephi, networkx and igraph.
 */
import {
  EDGE_FIELDS,
  type ExportGraph,
  NODE_FIELDS,
  type PropertyType,
  type PropertyTypes,
  valueText,
} from './shape.ts';
import { attributes, xmlText } from './xml.ts';

const GRAPHML_TYPES: Record<PropertyType, string> = {
  string: 'string',
  list: 'string',
  int: 'long',
  double: 'double',
  boolean: 'boolean',
};

/** What the graph-level keys hold: the scope of the export. */
const GRAPH_FIELDS: PropertyTypes = new Map<string, PropertyType>([
  ['seeds', 'list'],
  ['depth', 'int'],
  ['asOf', 'string'],
  ['truncated', 'boolean'],
]);

interface Key {
  id: string;
  type: PropertyType;
}

/** Key declarations for one kind of element; key ids are a prefix and a number (d0 style). */
function declare(
  element: 'node' | 'edge' | 'graph',
  prefix: string,
  fields: PropertyTypes,
  properties: PropertyTypes,
) {
  const keys = new Map<string, Key>();
  for (const [name, type] of [...fields, ...properties]) {
    if (!keys.has(name)) keys.set(name, { id: `${prefix}${keys.size}`, type });
  }
  const xml = [...keys]
    .map(
      ([name, key]) =>
        `  <key${attributes({ id: key.id, for: element, 'attr.name': name, 'attr.type': GRAPHML_TYPES[key.type] })}/>\n`,
    )
    .join('');
  return { keys, xml };
}

function dataElements(keys: Map<string, Key>, values: Record<string, unknown>, indent: string) {
  let xml = '';
  for (const [name, key] of keys) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    xml += `${indent}<data key="${key.id}">${xmlText(valueText(value, key.type))}</data>\n`;
  }
  return xml;
}

export async function* writeGraphml(graph: ExportGraph): AsyncGenerator<string> {
  const graphKeys = declare('graph', 'g', GRAPH_FIELDS, new Map());
  const nodeKeys = declare('node', 'n', NODE_FIELDS, graph.nodeProperties);
  const edgeKeys = declare('edge', 'e', EDGE_FIELDS, graph.edgeProperties);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    graphKeys.xml +
    nodeKeys.xml +
    edgeKeys.xml +
    '  <graph id="accord" edgedefault="directed">\n' +
    dataElements(graphKeys.keys, { ...graph.scope }, '    ');
  for await (const node of graph.nodes()) {
    const values = { ...node.properties, ...node };
    yield `    <node${attributes({ id: node.id })}>\n${dataElements(nodeKeys.keys, values, '      ')}    </node>\n`;
  }
  for await (const edge of graph.edges()) {
    const values = { ...edge.properties, ...edge };
    // GraphML ids are XML name tokens: `|` is not allowed in one.
    const id = `${edge.source}--${edge.type}--${edge.target}`;
    yield `    <edge${attributes({ id, source: edge.source, target: edge.target })}>\n${dataElements(edgeKeys.keys, values, '      ')}    </edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
