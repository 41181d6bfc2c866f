// Accord explorer: search the graph, draw the neighbourhood of what you pick, click a node to
// see its details and draw its neighbours. Talks only to the GraphQL API at /graphql.
import cytoscape from '/explore/vendor/cytoscape.esm.min.mjs';

const fcose = typeof window.cytoscapeFcose === 'function';
if (fcose) cytoscape.use(window.cytoscapeFcose);

/** Colour and shape by kind (the GEXF export uses the same colours: src/export/gexf.ts). */
const KINDS = {
  ORGANISATION: { colour: '#2563eb', shape: 'round-rectangle', name: 'Organisation' },
  PERSON: { colour: '#ea580c', shape: 'ellipse', name: 'Person' },
  ROLE: { colour: '#94a3b8', shape: 'diamond', name: 'Role' },
  AGREEMENT: { colour: '#16a34a', shape: 'hexagon', name: 'Agreement' },
  EVENT: { colour: '#db2777', shape: 'star', name: 'Event' },
  REGION: { colour: '#0d9488', shape: 'round-triangle', name: 'Region' },
  INITIATIVE: { colour: '#9333ea', shape: 'octagon', name: 'Initiative' },
  SOURCE: { colour: '#64748b', shape: 'round-tag', name: 'Source' },
};

/**
 * The relationship types of the model and their labels, as the API gives them
 * (Query.relationTypes, from src/model/relationships.ts); empty until they are loaded.
 */
let relationTypes = [];
let relationLabels = new Map();
const words = (type) => relationLabels.get(type) ?? type.toLowerCase().replaceAll('_', ' ');

/** Above this many visible nodes the page trades looks for speed. */
const BIG = 300;

const $ = (selector) => document.querySelector(selector);

/** DOM nodes from nested lists of nodes and strings (strings become text); null and false are skipped. */
function nodes(children) {
  return children
    .flat(Infinity)
    .filter((child) => child !== undefined && child !== null && child !== false)
    .map((child) => (child instanceof Node ? child : document.createTextNode(String(child))));
}

/** An element with attributes and children (strings become text: nothing is parsed as HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'style') node.style.cssText = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...nodes(children));
  return node;
}

// ---------------------------------------------------------------- the API

async function gql(query, variables = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  const key = sessionStorage.getItem('accord-api-key');
  if (key) headers['x-api-key'] = key;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => ({}));
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!response.ok) throw new Error(`the API answered ${response.status}`);
  return body.data;
}

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 20) {
    kind matched matchedBy
    entity { id name nameEn }
  }
}`;

const NEIGHBOURHOOD = `query Neighbourhood($ids: [ID!]!, $depth: Int, $types: [String!]) {
  neighbourhood(ids: $ids, depth: $depth, relationTypes: $types) {
    nodes { id kind label properties }
    edges { id source target type properties }
    truncated
  }
}`;

const REF = 'id name nameEn';
const DETAILS = `query Details($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Entity { name nameEn aliases sources { id name url publisher publishedOn } }
    ... on Organisation {
      category: kind region { ${REF} } parent { ${REF} } units { ${REF} } sameAs { ${REF} }
      roles { id title titleEn since until statedOn person { ${REF} } }
      agreements { ${REF} signedOn parties { organisation { ${REF} } } }
    }
    ... on Person {
      roles { id title titleEn since until statedOn organisation { ${REF} } }
      signed { agreement { ${REF} signedOn } onBehalfOf { ${REF} } }
      witnessed { ${REF} signedOn }
      attended { ${REF} date }
    }
    ... on Role { title titleEn since until statedOn person { ${REF} } organisation { ${REF} } }
    ... on Agreement {
      category: kind signedOn summary
      parties { order organisation { ${REF} } }
      signatories { person { ${REF} } onBehalfOf { ${REF} } }
      witnesses { ${REF} }
      event { ${REF} date }
      initiatives { ${REF} }
    }
    ... on Event {
      category: kind date place { ${REF} }
      attendees { order person { ${REF} } roles { title organisation { ${REF} } } }
      hosts { id name }
      agreements { ${REF} signedOn }
      concerns { ${REF} }
    }
    ... on Region { category: kind parent { ${REF} } children { ${REF} } organisations { ${REF} } }
    ... on Initiative {
      category: kind description focus regions { ${REF} } parent { ${REF} } parts { ${REF} }
      agreements { ${REF} signedOn }
    }
    ... on Source {
      url publisher publishedOn language
      credits { person { ${REF} } roles }
    }
  }
}`;

// ---------------------------------------------------------------- the graph

const style = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 10,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': 120,
      'min-zoomed-font-size': 7,
      width: 22,
      height: 22,
      'border-width': 0,
      color: '#0f172a',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.7,
      'text-background-padding': 1,
    },
  },
  ...Object.entries(KINDS).map(([kind, { colour, shape }]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': colour, shape },
  })),
  { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#0f172a' } },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#facc15', 'font-weight': 'bold' },
  },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#cbd5e1',
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#cbd5e1',
      'arrow-scale': 0.8,
      label: 'data(label)',
      'font-size': 8,
      color: '#475569',
      'text-rotation': 'autorotate',
      'min-zoomed-font-size': 9,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': 1,
    },
  },
  { selector: 'edge.big', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none' } },
  { selector: '.hidden', style: { display: 'none' } },
];

const cy = cytoscape({
  container: $('#graph'),
  style,
  minZoom: 0.02,
  hideEdgesOnViewport: true,
  maxZoom: 4,
});
window.cy = cy;

/** Entities the user picked or expanded: they stay visible when a filter leaves them alone. */
const pinned = new Set();
let selectedId = null;

function nodeElement(node) {
  return {
    group: 'nodes',
    data: { id: node.id, kind: node.kind, label: node.label, properties: node.properties },
  };
}

function edgeElement(edge) {
  return {
    group: 'edges',
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      label: words(edge.type),
      properties: edge.properties,
    },
  };
}

/** Asks the API for the relation list (once it has answered) and draws the filter's boxes. */
async function loadRelationTypes() {
  if (relationTypes.length > 0) return;
  const { relationTypes: types } = await gql('{ relationTypes { type label } }');
  relationTypes = types.map((t) => t.type);
  relationLabels = new Map(types.map((t) => [t.type, t.label]));
  $('#types').replaceChildren(
    ...types.map(({ type, label }) =>
      el(
        'label',
        {},
        el('input', {
          type: 'checkbox',
          id: `type-${type}`,
          checked: true,
          onchange: applyFilters,
        }),
        label,
      ),
    ),
  );
}

/** The relationship types ticked in the filter; null when all are. */
function activeTypes() {
  const ticked = relationTypes.filter((type) => $(`#type-${type}`)?.checked);
  return ticked.length === relationTypes.length ? null : ticked;
}

/** Adds a neighbourhood to the drawing; new nodes start around `around` (a node id). */
async function draw(ids, depth, around) {
  await loadRelationTypes();
  setStatus(`Loading the neighbourhood of ${ids.join(', ')}…`);
  $('#graph').dataset.state = 'loading';
  const { neighbourhood } = await gql(NEIGHBOURHOOD, { ids, depth, types: activeTypes() });
  const centre = around && cy.getElementById(around);
  const origin = centre?.nonempty() ? centre.position() : { x: cy.width() / 2, y: cy.height() / 2 };
  const fresh = neighbourhood.nodes.filter((n) => cy.getElementById(n.id).empty());
  const radius = 60 + 4 * Math.sqrt(fresh.length);
  const elements = fresh.map((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
    const element = nodeElement(node);
    element.position = {
      x: origin.x + radius * Math.cos(angle),
      y: origin.y + radius * Math.sin(angle),
    };
    return element;
  });
  for (const edge of neighbourhood.edges) {
    if (cy.getElementById(edge.id).empty()) elements.push(edgeElement(edge));
  }
  const added = cy.add(elements);
  applyFilters();
  updateDateRange();
  await layout(added.nodes().length > 0 && cy.nodes().length !== added.nodes().length);
  if (neighbourhood.truncated) {
    setStatus('The neighbourhood reached the 2000-node cap: what is drawn is incomplete.', true);
  }
  return neighbourhood;
}

/** fCoSE for small graphs: animated, keeping the positions nodes have when `incremental`. */
function fcoseOptions(incremental) {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: !incremental,
    animate: true,
    animationDuration: 500,
    numIter: 2500,
    nodeDimensionsIncludeLabels: true,
    packComponents: true,
    nodeRepulsion: 6500,
    idealEdgeLength: 90,
    fit: true,
    padding: 30,
  };
}

/** The distance between neighbouring nodes of the ring layout. */
const SPACING = 34;

/**
 * The layout for big graphs, computed in one pass (no simulation, so the page never freezes):
 * the picked and expanded entities in the middle, then a band of rings per relationship step
 * from them, each node in the band of its step, sorted by kind and name.
 */
function ringPositions(nodes) {
  const step = new Map();
  let frontier = nodes.filter((node) => pinned.has(node.id()));
  if (frontier.empty()) frontier = nodes.max((node) => node.degree()).ele;
  frontier.forEach((node) => {
    step.set(node.id(), 0);
  });
  for (let distance = 1; frontier.nonempty(); distance++) {
    frontier = frontier
      .neighborhood()
      .nodes()
      .intersection(nodes)
      .filter((node) => !step.has(node.id()));
    for (const node of frontier) step.set(node.id(), distance);
  }
  const last = Math.max(0, ...step.values()) + 1;
  const bands = [];
  nodes.forEach((node) => {
    const band = step.get(node.id()) ?? last;
    bands[band] ??= [];
    bands[band].push(node);
  });
  const order = (a, b) =>
    a.data('kind').localeCompare(b.data('kind')) || a.data('label').localeCompare(b.data('label'));
  const positions = {};
  let radius = 0;
  for (const band of bands.filter(Boolean)) {
    band.sort(order);
    if (radius === 0 && band.length === 1) {
      positions[band[0].id()] = { x: 0, y: 0 };
      radius = 2 * SPACING;
      continue;
    }
    radius ||= 2 * SPACING;
    for (let i = 0; i < band.length; ) {
      const ring = band.slice(i, i + Math.max(1, Math.floor((2 * Math.PI * radius) / SPACING)));
      ring.forEach((node, j) => {
        const angle = (2 * Math.PI * j) / ring.length;
        positions[node.id()] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
      });
      i += ring.length;
      radius += SPACING;
    }
    radius += SPACING;
  }
  return positions;
}

function runLayout(elements, options) {
  return new Promise((resolve) => {
    const run = elements.layout(options);
    run.one('layoutstop', resolve);
    run.run();
  });
}

/**
 * Lays out what is visible: fCoSE, animated, up to BIG nodes (keeping the positions nodes
 * already have when `incremental`); rings by relationship steps beyond.
 */
async function layout(incremental) {
  const visible = cy.elements().not('.hidden');
  const big = visible.nodes().length > BIG;
  cy.edges().toggleClass('big', big);
  const graph = $('#graph');
  graph.dataset.state = 'layout';
  const started = performance.now();
  if (big || !fcose) {
    const positions = ringPositions(visible.nodes());
    await runLayout(visible, {
      name: 'preset',
      positions: (node) => positions[node.id()],
      fit: true,
      padding: 30,
      animate: false,
    });
  } else {
    await runLayout(visible, fcoseOptions(incremental));
  }
  graph.dataset.layoutMs = String(Math.round(performance.now() - started));
  graph.dataset.state = 'ready';
  updateCounts();
}

// ---------------------------------------------------------------- filters

/** Whether an entity held on `date`, as the API's asOf decides (unknown bounds are open). */
function validOn(node, date) {
  const p = node.data('properties') ?? {};
  const within = (start, end) =>
    (typeof start !== 'string' || start <= date) && (typeof end !== 'string' || end >= date);
  switch (node.data('kind')) {
    case 'ROLE':
      return within(p.since, p.until);
    case 'AGREEMENT':
      return within(p.signedOn, undefined);
    case 'EVENT':
      return within(p.date, undefined);
    default:
      return true;
  }
}

/** The day numbers the as-of slider runs over. */
const DAY = 86_400_000;
let dateRange = { first: Date.UTC(2000, 0, 1), last: Date.now() };
const dayText = (ms) => new Date(ms).toISOString().slice(0, 10);
function asOfDate() {
  if (!$('#asof-on').checked) return null;
  return dayText(dateRange.first + Number($('#asof').value) * DAY);
}

/** The slider spans a year before the earliest date drawn to today. */
function updateDateRange() {
  const dates = [];
  cy.nodes().forEach((node) => {
    const p = node.data('properties') ?? {};
    for (const key of ['since', 'until', 'signedOn', 'date', 'statedOn']) {
      // statedOn is a list; a date without a year (--10-14) has no place on the slider.
      for (const value of [p[key]].flat()) {
        if (typeof value === 'string' && !value.startsWith('--')) dates.push(value);
      }
    }
  });
  dates.sort();
  const earliest = dates[0] ? Date.parse(`${dates[0].padEnd(7, '-01').padEnd(10, '-01')}`) : NaN;
  const first = Number.isNaN(earliest) ? Date.UTC(2000, 0, 1) : earliest - 365 * DAY;
  const current = asOfDate();
  dateRange = { first, last: Math.max(Date.now(), first + DAY) };
  const slider = $('#asof');
  slider.max = String(Math.round((dateRange.last - dateRange.first) / DAY));
  slider.value = current
    ? String(Math.round((Date.parse(current) - dateRange.first) / DAY))
    : slider.max;
  showAsOf();
}

function showAsOf() {
  const date = asOfDate();
  $('#asof').disabled = !$('#asof-on').checked;
  $('#asof-label').textContent = date ?? 'any date';
}

/** Hides facts not valid on the as-of date and relationships of unticked types. */
function applyFilters() {
  const date = asOfDate();
  const active = activeTypes();
  const types = active && new Set(active);
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.toggleClass('hidden', date !== null && !validOn(node, date));
    });
    cy.edges().forEach((edge) => {
      const hidden =
        (types && !types.has(edge.data('type'))) ||
        edge.source().hasClass('hidden') ||
        edge.target().hasClass('hidden');
      edge.toggleClass('hidden', hidden);
    });
    // A node left without any visible relationship goes too, unless the user asked for it.
    cy.nodes()
      .not('.hidden')
      .forEach((node) => {
        if (pinned.has(node.id())) return;
        if (node.connectedEdges().not('.hidden').empty()) node.addClass('hidden');
      });
  });
  updateCounts();
}

function updateCounts() {
  const nodes = cy.nodes().not('.hidden').length;
  const edges = cy.edges().not('.hidden').length;
  const graph = $('#graph');
  graph.dataset.nodes = String(nodes);
  graph.dataset.edges = String(edges);
  graph.dataset.totalNodes = String(cy.nodes().length);
  const hidden = cy.nodes().length - nodes;
  setStatus(
    `${nodes} nodes, ${edges} relationships drawn${hidden > 0 ? ` (${hidden} hidden by the filters)` : ''}.`,
  );
}

function setStatus(text, error = false) {
  const status = $('#status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

// ---------------------------------------------------------------- the side panel

function entityLink(ref) {
  if (!ref) return null;
  return el(
    'a',
    {
      class: 'entity',
      href: `#${encodeURIComponent(ref.id)}`,
      'data-id': ref.id,
      onclick: (event) => {
        event.preventDefault();
        focusEntity(ref.id);
      },
    },
    ref.name ?? ref.id,
  );
}

const english = (ref) =>
  ref?.nameEn ? el('span', { class: 'muted small' }, ` ${ref.nameEn}`) : null;
const dates = (role) =>
  [
    role.since && `since ${role.since}`,
    role.until && `until ${role.until}`,
    role.statedOn?.length > 0 && `stated ${role.statedOn.join(', ')}`,
  ]
    .filter(Boolean)
    .join(', ');

/** The most items a list of the side panel shows. */
const LIST_MAX = 100;

function list(title, items, render) {
  if (!items?.length) return null;
  const more = items.length - LIST_MAX;
  return [
    el('h4', {}, `${title} (${items.length})`),
    el(
      'ul',
      {},
      items.slice(0, LIST_MAX).map((item) => el('li', {}, render(item))),
      more > 0 ? el('li', { class: 'muted' }, `… and ${more} more`) : null,
    ),
  ];
}

function kindBadge(kind) {
  const style = KINDS[kind.toUpperCase()];
  return el(
    'span',
    { class: 'kind', style: `background:${style?.colour ?? '#888'}` },
    style?.name ?? kind,
  );
}

function renderDetails(entity) {
  const panel = $('#panel');
  const fields = [
    ['category', entity.category],
    ['signed on', entity.signedOn],
    ['date', entity.date],
    ['since', entity.since],
    ['until', entity.until],
    ['stated on', entity.statedOn?.join(', ')],
    ['publisher', entity.publisher],
    ['published on', entity.publishedOn],
    ['language', entity.language],
  ].filter(([, value]) => value);
  const refs = [
    ['person', entity.person],
    ['organisation', entity.organisation],
    ['region', entity.region],
    ['place', entity.place],
    ['part of', entity.parent],
    ['event', entity.event],
  ].filter(([, value]) => value);
  const parts = [
    el(
      'div',
      {},
      kindBadge(entity.__typename),
      ' ',
      el('span', { class: 'muted small' }, entity.id),
    ),
    el('h3', {}, entity.name ?? entity.title ?? entity.id),
    entity.nameEn ? el('div', { class: 'muted' }, entity.nameEn) : null,
    entity.aliases?.length
      ? el('div', { class: 'small' }, `Also: ${entity.aliases.join(', ')}`)
      : null,
    fields.length || refs.length
      ? el(
          'dl',
          {},
          fields.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]),
          refs.flatMap(([name, ref]) => [el('dt', {}, name), el('dd', {}, entityLink(ref))]),
        )
      : null,
    entity.summary ? el('p', {}, entity.summary) : null,
    entity.description ? el('p', {}, entity.description) : null,
    entity.focus?.length ? el('p', { class: 'small' }, `Focus: ${entity.focus.join('; ')}`) : null,
    entity.url
      ? el('p', {}, el('a', { href: entity.url, target: '_blank', rel: 'noopener' }, entity.url))
      : null,
    list('Roles', entity.__typename === 'Role' ? [] : entity.roles, (role) => [
      el('b', {}, role.title),
      role.titleEn ? el('span', { class: 'muted small' }, ` ${role.titleEn}`) : null,
      ' — ',
      entityLink(role.person ?? role.organisation),
      dates(role) ? el('span', { class: 'muted small' }, ` (${dates(role)})`) : null,
    ]),
    list('Agreements', entity.agreements, (a) => [
      entityLink(a),
      english(a),
      a.signedOn ? el('span', { class: 'muted small' }, ` signed ${a.signedOn}`) : null,
      a.parties?.length
        ? el(
            'div',
            { class: 'small' },
            'with ',
            a.parties.map((p, i) => [i ? ', ' : '', entityLink(p.organisation)]),
          )
        : null,
    ]),
    list('Parties', entity.parties, (p) => [entityLink(p.organisation), english(p.organisation)]),
    list('Signatories', entity.signatories, (s) => [
      entityLink(s.person),
      s.onBehalfOf ? [' for ', entityLink(s.onBehalfOf)] : null,
    ]),
    list('Signed', entity.signed, (s) => [
      entityLink(s.agreement),
      s.onBehalfOf ? [' for ', entityLink(s.onBehalfOf)] : null,
    ]),
    list('Witnesses', entity.witnesses, (p) => entityLink(p)),
    list('Witnessed', entity.witnessed, (a) => entityLink(a)),
    list('Attendees', entity.attendees, (a) => [
      entityLink(a.person),
      a.roles?.length
        ? el(
            'span',
            { class: 'muted small' },
            ` ${a.roles.map((r) => `${r.title}, ${r.organisation?.name ?? ''}`).join('; ')}`,
          )
        : null,
    ]),
    list('Attended', entity.attended, (e) => [
      entityLink(e),
      e.date ? el('span', { class: 'muted small' }, ` ${e.date}`) : null,
    ]),
    list('Hosts', entity.hosts, (h) => entityLink(h)),
    list('Concerns', entity.concerns ?? entity.initiatives, (i) => entityLink(i)),
    list('Units', entity.units, (u) => entityLink(u)),
    list('Same as', entity.sameAs, (o) => entityLink(o)),
    list('Regions', entity.regions, (r) => entityLink(r)),
    list('Parts', entity.parts ?? entity.children, (r) => entityLink(r)),
    list('Organisations', entity.organisations, (o) => entityLink(o)),
    list('Credits', entity.credits, (c) => [
      entityLink(c.person),
      el('span', { class: 'muted small' }, ` ${c.roles.join(', ')}`),
    ]),
    // Each source links to itself in the graph and, where it has one, to its address.
    list('Sources', entity.sources, (s) => [
      entityLink(s),
      s.url
        ? [
            ' ',
            el(
              'a',
              { class: 'external', href: s.url, target: '_blank', rel: 'noopener' },
              'open ↗',
            ),
          ]
        : null,
      el('div', { class: 'muted small' }, [s.publisher, s.publishedOn].filter(Boolean).join(', ')),
    ]),
  ];
  panel.replaceChildren(...nodes(parts));
  panel.dataset.entity = entity.id;
}

async function showDetails(id) {
  const panel = $('#panel');
  panel.dataset.state = 'loading';
  try {
    const { node } = await gql(DETAILS, { id });
    if (node) renderDetails(node);
    else panel.replaceChildren(el('p', { class: 'error' }, `No entity ${id}.`));
  } catch (error) {
    panel.replaceChildren(el('p', { class: 'error' }, error.message));
  }
  panel.dataset.state = 'ready';
}

// ---------------------------------------------------------------- interaction

function select(id) {
  selectedId = id;
  cy.nodes(':selected').unselect();
  cy.getElementById(id).select();
}

/** Draws the neighbourhood of a picked entity on a clean canvas. */
async function pick(id) {
  cy.elements().remove();
  pinned.clear();
  pinned.add(id);
  try {
    await draw([id], Number($('#depth').value), null);
    cy.getElementById(id).addClass('expanded');
    select(id);
    await showDetails(id);
  } catch (error) {
    setStatus(error.message, true);
  }
}

/** Click on a node: its details, and its neighbours drawn around it. */
async function expand(id) {
  pinned.add(id);
  select(id);
  const details = showDetails(id);
  try {
    const node = cy.getElementById(id);
    if (!node.hasClass('expanded')) {
      node.addClass('expanded');
      await draw([id], 1, id);
      select(id);
    }
  } catch (error) {
    setStatus(error.message, true);
  }
  await details;
}

/** An entity named in the side panel: expanded if drawn, else drawn next to what is there. */
async function focusEntity(id) {
  if (cy.getElementById(id).nonempty()) {
    cy.animate({ center: { eles: cy.getElementById(id) }, duration: 300 });
    return expand(id);
  }
  pinned.add(id);
  try {
    await draw([id], 1, selectedId);
    cy.getElementById(id).addClass('expanded');
    select(id);
    await showDetails(id);
  } catch (error) {
    setStatus(error.message, true);
  }
}

cy.on('tap', 'node', (event) => expand(event.target.id()));

let searchSerial = 0;
async function search(text) {
  const serial = ++searchSerial;
  const status = $('#search-status');
  const results = $('#results');
  if (text.trim() === '') {
    results.replaceChildren();
    status.textContent = 'Type a name and press Enter.';
    return;
  }
  status.textContent = 'Searching…';
  try {
    const { search: hits } = await gql(SEARCH, { text });
    if (serial !== searchSerial) return;
    status.textContent = hits.length === 0 ? `Nothing matches “${text}”.` : `${hits.length} found:`;
    results.replaceChildren(
      ...hits.map((hit) =>
        el(
          'li',
          {},
          el(
            'button',
            {
              type: 'button',
              'data-id': hit.entity.id,
              title: `${hit.entity.id} (matched ${hit.matchedBy.toLowerCase().replace('_', ' ')}: ${hit.matched})`,
              onclick: (event) => {
                for (const b of results.querySelectorAll('button')) b.classList.remove('picked');
                event.currentTarget.classList.add('picked');
                pick(hit.entity.id);
              },
            },
            kindBadge(hit.kind),
            ' ',
            hit.entity.name,
            hit.entity.nameEn ? el('div', { class: 'muted small' }, hit.entity.nameEn) : null,
          ),
        ),
      ),
    );
  } catch (error) {
    if (serial === searchSerial) status.textContent = error.message;
  }
}

let typing;
$('#search').addEventListener('input', (event) => {
  clearTimeout(typing);
  typing = setTimeout(() => search(event.target.value), 300);
});
$('#search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  search($('#search').value);
});
$('#fit').addEventListener('click', () => cy.fit(cy.elements().not('.hidden'), 30));
$('#clear').addEventListener('click', () => {
  cy.elements().remove();
  pinned.clear();
  updateCounts();
  $('#panel').replaceChildren(el('p', { class: 'muted' }, 'Nothing drawn.'));
});
$('#asof-on').addEventListener('change', () => {
  showAsOf();
  applyFilters();
});
$('#asof').addEventListener('input', () => {
  showAsOf();
  applyFilters();
});
$('#api-key').value = sessionStorage.getItem('accord-api-key') ?? '';
function saveKey() {
  const key = $('#api-key').value.trim();
  if (key) sessionStorage.setItem('accord-api-key', key);
  else sessionStorage.removeItem('accord-api-key');
}
$('#api-key').addEventListener('change', saveKey);
$('#key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  saveKey();
});

$('#legend').replaceChildren(
  ...Object.values(KINDS).map(({ colour, name }) =>
    el('li', {}, el('span', { class: 'swatch', style: `background:${colour}` }), name),
  ),
);
showAsOf();
// Without an API key yet the list cannot load; the first drawing asks again.
loadRelationTypes()
  .catch(() => {})
  .finally(() => {
    document.body.dataset.ready = 'true';
  });
