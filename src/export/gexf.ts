/**
 * GEXF 1.3 (gexf.net), Gephi's own format: node and edge attributes declared with their types,
 * each node's label and kind, each edge's type as its label and kind, and, for dated facts
 * (an agreement's signing, an event's date, a role's since and until, and the edges to
 * them), a spell, so that Gephi's timeline shows the graph as of any date. Nodes are
 * coloured by kind (viz:color). Lists of strings are `liststring` values written as JSON arrays.
 */
import type { Kind } from '../model/kinds.ts';
import {
  EDGE_FIELDS,
  type ExportGraph,
  NODE_FIELDS,
  type PropertyType,
  type PropertyTypes,
  valueText,
} from './shape.ts';
import { attributes, xmlText } from './xml.ts';

const GEXF_TYPES: Record<PropertyType, string> = {
  string: 'string',
  list: 'liststring',
  int: 'long',
  double: 'double',
  boolean: 'boolean',
};

/** Node colours by kind: the explorer page's (explorer/explorer.js). */
export const KIND_COLOURS: Record<Kind, [number, number, number]> = {
  organisation: [37, 99, 235],
  person: [234, 88, 12],
  role: [148, 163, 184],
  agreement: [22, 163, 74],
  event: [219, 39, 119],
  region: [13, 148, 136],
  initiative: [147, 51, 234],
  source: [100, 116, 139],
};

/** A possibly partial date as the day a spell starts (first day) or ends (last day). */
export function spellDate(date: string, bound: 'start' | 'end'): string {
  const [year, month, day] = date.split('-');
  if (day) return date;
  if (month) {
    if (bound === 'start') return `${year}-${month}-01`;
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month}-${String(last).padStart(2, '0')}`;
  }
  return bound === 'start' ? `${year}-01-01` : `${year}-12-31`;
}

function spells(start: string | null, end: string | null, indent: string): string {
  if (start === null && end === null) return '';
  const spell = attributes({
    start: start === null ? null : spellDate(start, 'start'),
    end: end === null ? null : spellDate(end, 'end'),
  });
  return `${indent}<spells><spell${spell}/></spells>\n`;
}

function declare(element: 'node' | 'edge', fields: PropertyTypes, properties: PropertyTypes) {
  const types = new Map<string, PropertyType>([...fields, ...properties]);
  const xml =
    `    <attributes class="${element}" mode="static">\n` +
    [...types]
      .map(
        ([name, type]) =>
          `      <attribute${attributes({ id: name, title: name, type: GEXF_TYPES[type] })}/>\n`,
      )
      .join('') +
    '    </attributes>\n';
  return { types, xml };
}

function attvalues(
  types: Map<string, PropertyType>,
  values: Record<string, unknown>,
  indent: string,
) {
  let xml = '';
  for (const [name, type] of types) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    xml += `${indent}  <attvalue${attributes({ for: name, value: valueText(value, type) })}/>\n`;
  }
  return xml === '' ? '' : `${indent}<attvalues>\n${xml}${indent}</attvalues>\n`;
}

function description(graph: ExportGraph): string {
  const { seeds, depth, asOf, truncated } = graph.scope;
  const what =
    seeds.length === 0
      ? 'The whole Accord graph'
      : `The entities within ${depth} ${depth === 1 ? 'relationship' : 'relationships'} of ${seeds.join(', ')}${truncated ? ' (truncated at the node cap)' : ''}`;
  return asOf ? `${what}, as of ${asOf}` : what;
}

export async function* writeGexf(graph: ExportGraph): AsyncGenerator<string> {
  // A node's label is an XML attribute of its own in GEXF: not declared again.
  const nodeFields = new Map([...NODE_FIELDS].filter(([name]) => name !== 'label'));
  const nodeTypes = declare('node', nodeFields, graph.nodeProperties);
  const edgeTypes = declare('edge', EDGE_FIELDS, graph.edgeProperties);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    `  <meta>\n    <creator>Accord</creator>\n    <description>${xmlText(description(graph))}</description>\n  </meta>\n` +
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">\n' +
    nodeTypes.xml +
    edgeTypes.xml +
    '    <nodes>\n';
  for await (const node of graph.nodes()) {
    const [r, g, b] = KIND_COLOURS[node.kind] ?? [128, 128, 128];
    yield `      <node${attributes({ id: node.id, label: node.label })}>\n` +
      attvalues(nodeTypes.types, { ...node.properties, ...node }, '        ') +
      spells(node.start, node.end, '        ') +
      `        <viz:color r="${r}" g="${g}" b="${b}"/>\n` +
      '      </node>\n';
  }
  yield '    </nodes>\n    <edges>\n';
  for await (const edge of graph.edges()) {
    yield `      <edge${attributes({ id: edge.id, source: edge.source, target: edge.target, label: edge.type, kind: edge.type })}>\n` +
      attvalues(edgeTypes.types, { ...edge.properties, ...edge }, '        ') +
      spells(edge.start, edge.end, '        ') +
      '      </edge>\n';
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
