/**
 * The server's CPU for shaping one page of the list question (100 agreements, three parties
 * each, their organisations and regions) from the compiled statement's lists into the
 * resolvers' objects (src/planner/shape.ts), without Neo4j or HTTP: CPU microseconds a page,
 * after a warm-up.
 *
 *   node bench/query/shape.ts [--pages 5000]
 */
import { parseArgs } from 'node:util';
import { shape } from '../../src/planner/shape.ts';
import type { Selected, Step } from '../../src/planner/tree.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '5000' } } });
const pages = Number(values.pages);

const property = (key: string): Selected => ({
  key,
  value: { kind: 'property', of: 'node', name: key, list: false },
});
const step = (fields: Selected[], shape: Step['shape'], type: string): Step => ({
  type,
  direction: 'out',
  label: null,
  order: 'order',
  shape,
  heldOn: null,
  fields,
});
const region = step([property('id'), property('name')], 'one', 'LOCATED_IN');
const organisation: Selected = {
  key: 'organisation',
  value: {
    kind: 'end',
    end: 'other',
    fields: [
      property('id'),
      property('name'),
      { key: 'region', value: { kind: 'step', step: region } },
    ],
  },
};
const fields: Selected[] = [
  property('id'),
  property('name'),
  property('signedOn'),
  { key: 'parties', value: { kind: 'step', step: step([organisation], 'edges', 'PARTY_TO') } },
];
const page = Array.from({ length: 100 }, (_, a) => [
  `agreement-${a}`,
  `协议${a}`,
  '2022-11-01',
  Array.from({ length: 3 }, (_, p) => [[`org-${a}-${p}`, `组织${p}`, [`region-${p}`, `区${p}`]]]),
]);

const shapePage = () => page.map((raw) => shape(fields, raw, {}));
for (let i = 0; i < pages / 2; i++) shapePage();
const start = process.cpuUsage();
for (let i = 0; i < pages; i++) shapePage();
const used = process.cpuUsage(start);
console.log(`${((used.user + used.system) / pages).toFixed(1)} µs of CPU a page of 100 agreements`);
