/**
 * Graph exports of the seed graph, loaded by real consumers: Cytoscape.js (headless) for the
 * JSON, networkx for GraphML and GEXF, and the published GraphML XML Schema (libxml2, through
 * lxml) for GraphML. Counts are compared with what Neo4j holds (graphCounts) and with the
 * API's own neighbourhood answer.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import cytoscape from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { GRAPH_FORMATS, type GraphFormatName } from '../../src/export/formats.ts';
import { graphExportOptions, loadGraph, wholeGraph } from '../../src/export/graph.ts';
import type { ExportGraph } from '../../src/export/shape.ts';
import { seed } from '../../src/seed.ts';
import { createApp } from '../../src/server/app.ts';
import { apiClient } from '../support/api.ts';
import { accord } from '../support/cli.ts';
import { freshDatabase, graphCounts } from '../support/db.ts';
import { importRecords, org, SRC, source } from '../support/records.ts';
import { graphmlSchema } from '../support/xsd.ts';

const run = promisify(execFile);

const BJUT = 'org-bjut';
const STRATEGIC = 'agreement-strategic-2023-12-21';
const SIGNING = 'event-signing-2023-12-21';
const PRESIDENT = 'role-nie-zuoren-bjut-president';
const SEED_SOURCE = 'src-bjut-news-2023-12-22';

let db: Database;
let counts: { nodes: number; relationships: number };
let app: ReturnType<typeof createApp>;
let gql: ReturnType<typeof apiClient>;

beforeAll(async () => {
  db = await freshDatabase();
  await seed(db);
  counts = await graphCounts(db);
  app = createApp({ db });
  gql = apiClient(db);
});
afterAll(() => db.close());

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

/** An export as `accord export` writes it. */
async function exported(
  format: GraphFormatName,
  options: { seeds?: string[]; depth?: number; asOf?: string } = {},
) {
  return text(GRAPH_FORMATS[format].write(await loadGraph(db, graphExportOptions(options))));
}

interface Read {
  valid: boolean | null;
  errors: string[];
  directed: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
}

/** What networkx reads from a GraphML or GEXF document (validated against `xsd` when given). */
async function networkx(format: 'graphml' | 'gexf', document: string, xsd?: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'accord-export-')), `graph.${format}`);
  writeFileSync(file, document);
  const args = ['test/explore/read-graph.py', format, file, ...(xsd ? [xsd] : [])];
  const { stdout } = await run('python3', args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Read;
}

/** Cytoscape.js, headless, over an export's elements. */
function cytoscapeOf(json: string) {
  const document = JSON.parse(json);
  return { document, cy: cytoscape({ headless: true, elements: document.elements }) };
}

/** When an element's first spell starts. */
const spellStart = (data: Record<string, unknown> | undefined) =>
  (data?.spells as string[][] | undefined)?.[0]?.[0];

const edgeOf = (read: Read, source: string, type: string, target: string) =>
  read.edges.find(([s, t, data]) => s === source && t === target && data.type === type)?.[2];

describe('the whole seed graph', () => {
  it('Cytoscape.js builds it: every node and relationship, with kind, label, English name, dates and sources', async () => {
    const { document, cy } = cytoscapeOf(await exported('cytoscape'));
    expect(cy.nodes().length).toBe(counts.nodes);
    expect(cy.edges().length).toBe(counts.relationships);
    expect(document.data).toMatchObject({ seeds: [], depth: null, asOf: null, truncated: false });

    expect(cy.getElementById(BJUT).data()).toMatchObject({
      id: BJUT,
      kind: 'organisation',
      label: '北京工业大学',
      nameEn: 'Beijing University of Technology',
      aliases: ['北工大', 'BJUT'],
      category: 'university',
      sources: [SEED_SOURCE],
    });
    // A role's label is its title, its English name its English title.
    expect(cy.getElementById(PRESIDENT).data()).toMatchObject({
      kind: 'role',
      label: '校长',
      nameEn: 'President',
    });
    expect(cy.getElementById(STRATEGIC).data()).toMatchObject({
      kind: 'agreement',
      start: '2023-12-21',
    });
    const party = cy.getElementById(`${BJUT}|PARTY_TO|${STRATEGIC}`);
    expect(party.source().id()).toBe(BJUT);
    expect(party.target().id()).toBe(STRATEGIC);
    expect(party.data()).toMatchObject({
      type: 'PARTY_TO',
      start: '2023-12-21',
      order: 1,
      sources: [SEED_SOURCE],
    });
    // Every element cites its sources (a source cites none: it is one).
    expect(cy.nodes('[kind != "source"]').filter((n) => !n.data('sources')?.length)).toHaveLength(
      0,
    );
    expect(cy.edges().filter((e) => !e.data('sources')?.length)).toHaveLength(0);
    expect(cy.nodes('[kind = "role"]').length).toBe(18);
  });

  it('reads the same graph in small pages as in one', async () => {
    const one = await text(GRAPH_FORMATS.cytoscape.write(await wholeGraph(db, null)));
    const pages = await text(GRAPH_FORMATS.cytoscape.write(await wholeGraph(db, null, 7)));
    expect(pages).toBe(one);
    expect(JSON.parse(one).elements.nodes).toHaveLength(counts.nodes);
  });

  it('GraphML: validates against the published GraphML schema and networkx reads every node, edge and typed attribute', async () => {
    const graphml = await exported('graphml');
    expect(graphml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const read = await networkx('graphml', graphml, graphmlSchema());
    expect(read.errors).toEqual([]);
    expect(read.valid).toBe(true);
    expect(read.directed).toBe(true);
    expect(Object.keys(read.nodes)).toHaveLength(counts.nodes);
    expect(read.edges).toHaveLength(counts.relationships);
    expect(read.nodes[BJUT]).toMatchObject({
      kind: 'organisation',
      label: '北京工业大学',
      nameEn: 'Beijing University of Technology',
      category: 'university',
    });
    expect(JSON.parse(read.nodes[BJUT]?.sources as string)).toEqual([SEED_SOURCE]);
    expect(JSON.parse(read.nodes[BJUT]?.aliases as string)).toEqual(['北工大', 'BJUT']);
    // Typed keys: networkx gives back numbers for the integer keys.
    expect(read.nodes[PRESIDENT]).toMatchObject({ label: '校长', nameEn: 'President', rank: 1 });
    expect(edgeOf(read, BJUT, 'PARTY_TO', STRATEGIC)).toMatchObject({
      start: '2023-12-21',
      order: 1,
    });
    // Every key is declared with a type.
    const keys = [
      ...graphml.matchAll(
        /<key id="[^"]+" for="(node|edge|graph)" attr\.name="([^"]+)" attr\.type="([a-z]+)"\/>/g,
      ),
    ];
    expect(keys.length).toBe((graphml.match(/<key /g) ?? []).length);
    expect(keys.map((k) => `${k[1]}.${k[2]}:${k[3]}`)).toEqual(
      expect.arrayContaining([
        'node.kind:string',
        'node.label:string',
        'node.nameEn:string',
        'node.sources:string',
        'node.rank:long',
        'edge.type:string',
        'edge.start:string',
        'edge.order:long',
        'edge.sources:string',
      ]),
    );
  });

  it('GEXF 1.3: networkx reads every node and edge with its attributes, and the dated ones carry spells', async () => {
    const gexf = await exported('gexf');
    expect(gexf).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/gexf.net\/1.3"/,
    );
    expect(gexf).toContain('version="1.3"');
    expect(gexf).toContain('mode="dynamic" timeformat="date"');
    const read = await networkx('gexf', gexf);
    expect(Object.keys(read.nodes)).toHaveLength(counts.nodes);
    expect(read.edges).toHaveLength(counts.relationships);
    expect(read.nodes[BJUT]).toMatchObject({
      label: '北京工业大学',
      kind: 'organisation',
      nameEn: 'Beijing University of Technology',
      category: 'university',
    });
    expect(JSON.parse(read.nodes[BJUT]?.sources as string)).toEqual([SEED_SOURCE]);
    // Signed on 2023-12-21, held on that date: spells from then on, for Gephi's timeline.
    expect(spellStart(read.nodes[STRATEGIC])).toBe('2023-12-21');
    expect(spellStart(read.nodes[SIGNING])).toBe('2023-12-21');
    expect(read.nodes[BJUT]?.spells).toBeUndefined();
    const party = edgeOf(read, BJUT, 'PARTY_TO', STRATEGIC);
    expect(party).toMatchObject({ label: 'PARTY_TO', start: '2023-12-21', order: 1 });
    expect(spellStart(party)).toBe('2023-12-21');
    expect(JSON.parse(party?.sources as string)).toEqual([SEED_SOURCE]);
  });
});

describe('dated roles', () => {
  it('a role with since and until is a spell in GEXF and dates on its edges everywhere', async () => {
    await importRecords(db, [
      source(),
      org('org-test-dated', '测试机构'),
      { type: 'person', id: 'person-test-dated', name: '测试人', sources: [SRC] },
      {
        type: 'role',
        id: 'role-test-dated',
        person: 'person-test-dated',
        organisation: 'org-test-dated',
        title: '主任',
        titleEn: 'Director',
        since: '2019-03',
        until: '2023',
        sources: [SRC],
      },
    ]);
    const seeds = ['role-test-dated'];
    const gexf = await networkx('gexf', await exported('gexf', { seeds }));
    expect(gexf.nodes['role-test-dated']?.spells).toEqual([['2019-03-01', '2023-12-31']]);
    expect(edgeOf(gexf, 'person-test-dated', 'HOLDS', 'role-test-dated')).toMatchObject({
      start: '2019-03',
      end: '2023',
      spells: [['2019-03-01', '2023-12-31']],
    });
    const { cy } = cytoscapeOf(await exported('cytoscape', { seeds }));
    expect(cy.getElementById('role-test-dated|AT|org-test-dated').data()).toMatchObject({
      start: '2019-03',
      end: '2023',
    });
    // Not held in 2024: as of then, the role and its relationships are left out.
    const later = cytoscapeOf(await exported('cytoscape', { asOf: '2024-01-01' })).cy;
    expect(later.getElementById('role-test-dated').empty()).toBe(true);
    expect(later.getElementById('person-test-dated').nonempty()).toBe(true);
    expect(later.edges('[type = "HOLDS"][target = "role-test-dated"]')).toHaveLength(0);
  });
});

describe('a neighbourhood', () => {
  const NEIGHBOURHOOD = `query ($ids: [ID!]!, $depth: Int) {
    neighbourhood(ids: $ids, depth: $depth) { nodes { id } edges { id } truncated }
  }`;

  it('the same entities and relationships as the API, in each format, over HTTP', async () => {
    const ids = [BJUT, 'person-zhu-guodong'];
    const answer = await gql<{
      neighbourhood: { nodes: { id: string }[]; edges: { id: string }[]; truncated: boolean };
    }>(NEIGHBOURHOOD, { ids, depth: 2 });
    const expected = answer.data?.neighbourhood;
    expect(expected?.nodes.length).toBeGreaterThan(20);
    expect(expected?.nodes.length).toBeLessThan(counts.nodes);

    const query = 'seed=org-bjut&seed=person-zhu-guodong&depth=2';
    const json = await app.fetch(`http://accord.test/export/graph.json?${query}`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const { document, cy } = cytoscapeOf(await json.text());
    expect(document.data).toMatchObject({ seeds: ids, depth: 2, truncated: false });
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(expected?.nodes.map((n) => n.id).sort());
    expect(
      cy
        .edges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(expected?.edges.map((e) => e.id).sort());

    for (const format of ['graphml', 'gexf'] as const) {
      const response = await app.fetch(`http://accord.test/export/graph.${format}?${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(`application/${format}+xml; charset=utf-8`);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="accord-graph.${format}"`,
      );
      const read = await networkx(format, await response.text());
      expect(Object.keys(read.nodes).sort()).toEqual(expected?.nodes.map((n) => n.id).sort());
      expect(read.edges).toHaveLength(expected?.edges.length ?? -1);
    }
  });

  it('as of a date, facts not valid then are left out: before the signing, no agreements and no events', async () => {
    const all = cytoscapeOf(await exported('cytoscape', { seeds: [BJUT], depth: 2 })).cy;
    const response = await app.fetch(
      `http://accord.test/export/graph.json?seed=${BJUT}&depth=2&asOf=2023-12-20`,
    );
    const before = cytoscapeOf(await response.text()).cy;
    expect(before.nodes('[kind = "agreement"], [kind = "event"]')).toHaveLength(0);
    expect(all.nodes('[kind = "agreement"]').length).toBe(2);
    // The API's asOf rule, the same entities.
    const answer = await gql<{ neighbourhood: { nodes: { id: string }[] } }>(
      `{ neighbourhood(ids: ["${BJUT}"], depth: 2, asOf: "2023-12-20") { nodes { id } } }`,
    );
    expect(
      before
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(answer.data?.neighbourhood.nodes.map((n) => n.id).sort());
  });
});

describe('text that needs care', () => {
  const NASTY = '甲&乙 <"合作"> \'中心\'';
  const SUMMARY = '第一行\n第二行\t北京工業大學 & <b>bold</b>';

  it('markup characters, tabs, line breaks and Chinese survive in every format', async () => {
    await importRecords(db, [
      source(),
      org('org-test-nasty', NASTY, { nameEn: 'A & B <Centre>' }),
      org('org-test-other', '乙方'),
      {
        type: 'agreement',
        id: 'agreement-test-nasty',
        name: '协议 "一"',
        parties: ['org-test-nasty', 'org-test-other'],
        summary: SUMMARY,
        signedOn: '2024-02',
        sources: [SRC],
      },
    ]);
    const options = { seeds: ['agreement-test-nasty'] };
    const { cy } = cytoscapeOf(await exported('cytoscape', options));
    expect(cy.getElementById('org-test-nasty').data('label')).toBe(NASTY);
    for (const format of ['graphml', 'gexf'] as const) {
      const read = await networkx(format, await exported(format, options));
      expect(read.nodes['org-test-nasty']).toMatchObject({
        label: NASTY,
        nameEn: 'A & B <Centre>',
      });
      expect(read.nodes['agreement-test-nasty']).toMatchObject({
        label: '协议 "一"',
        summary: SUMMARY,
      });
    }
    const gexf = await networkx('gexf', await exported('gexf', options));
    expect(gexf.nodes['agreement-test-nasty']?.spells).toEqual([['2024-02-01', 'None']]);
  });

  it('characters XML cannot hold become U+FFFD: the document stays well-formed', async () => {
    const graph: ExportGraph = {
      scope: { seeds: [], depth: null, asOf: null, truncated: false },
      nodeProperties: new Map([['note', 'string']]),
      edgeProperties: new Map(),
      nodes: async function* () {
        yield {
          id: 'n1',
          kind: 'organisation',
          label: 'bell\u0007 and \uD800 lone',
          start: null,
          end: null,
          properties: { note: 'null\u0000byte 😀' },
        };
      },
      edges: async function* () {},
    };
    for (const format of ['graphml', 'gexf'] as const) {
      const read = await networkx(format, await text(GRAPH_FORMATS[format].write(graph)));
      expect(read.nodes.n1).toMatchObject({
        label: 'bell\uFFFD and \uFFFD lone',
        note: 'null\uFFFDbyte 😀',
      });
    }
  });
});

describe('bad input', () => {
  const get = async (path: string) => {
    const response = await app.fetch(`http://accord.test${path}`);
    return { status: response.status, body: (await response.json()) as { error: string } };
  };

  it('HTTP: 400 with a message for an unknown format, a depth over 3, a bad date; 404 for an unknown seed', async () => {
    expect(await get('/export/graph.xml')).toEqual({
      status: 400,
      body: {
        error:
          'unknown export format "xml": use /export/graph.json (Cytoscape.js), /export/graph.graphml or /export/graph.gexf',
      },
    });
    expect(await get(`/export/graph.gexf?seed=${BJUT}&depth=4`)).toEqual({
      status: 400,
      body: { error: 'depth must be a whole number from 0 to 3, got "4"' },
    });
    expect(await get('/export/graph.graphml?asOf=2023-02-30')).toEqual({
      status: 400,
      body: {
        error: 'as-of: "2023-02-30" is not a date with a year; use YYYY-MM-DD, YYYY-MM or YYYY',
      },
    });
    expect(await get('/export/graph.json?depth=2')).toMatchObject({ status: 400 });
    expect(await get('/export/graph.json?seeds=org-bjut')).toEqual({
      status: 400,
      body: { error: 'unknown parameter seeds: use seed, depth and asOf' },
    });
    expect(await get('/export/graph.json?seed=org-nowhere')).toEqual({
      status: 404,
      body: { error: 'seed: no entity with id org-nowhere' },
    });
  });

  it('the command line: exit 1 with a message; a good export is written to --out', async () => {
    const bad = [
      [
        ['export', '--format', 'dot'],
        /unknown export format "dot"; use ndjson, cytoscape, graphml or gexf/,
      ],
      [
        ['export', '--format', 'gexf', '--seed', BJUT, '--depth', '4'],
        /depth must be a whole number from 0 to 3/,
      ],
      [
        ['export', '--format', 'graphml', '--as-of', '21/12/2023'],
        /as-of: "21\/12\/2023" is not a date/,
      ],
      [['export', '--format', 'ndjson', '--seed', BJUT], /ndjson exports the whole graph/],
      [
        ['export', '--format', 'cytoscape', '--seed', 'org-nowhere'],
        /no entity with id org-nowhere/,
      ],
    ] as const;
    for (const [args, message] of bad) {
      const result = await accord([...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(message);
    }
    const out = join(mkdtempSync(join(tmpdir(), 'accord-cli-')), 'bjut.gexf');
    const good = await accord([
      'export',
      '--format',
      'gexf',
      '--seed',
      BJUT,
      '--depth',
      '1',
      '--out',
      out,
    ]);
    expect(good.code).toBe(0);
    const read = await networkx('gexf', readFileSync(out, 'utf8'));
    const answer = await gql<{ neighbourhood: { nodes: { id: string }[] } }>(
      `{ neighbourhood(ids: ["${BJUT}"], depth: 1) { nodes { id } } }`,
    );
    expect(Object.keys(read.nodes).sort()).toEqual(
      answer.data?.neighbourhood.nodes.map((n) => n.id).sort(),
    );
    const whole = await accord(['export', '--format', 'cytoscape']);
    expect(whole.code).toBe(0);
    expect(cytoscapeOf(whole.stdout).cy.nodes().length).toBe((await graphCounts(db)).nodes);
  });
});
