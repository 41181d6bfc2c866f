/**
 * The explorer page in a real browser: a chromium (Debian's) driven by playwright-core, against
 * the service started on the seeded test database. Searches, picks, clicks nodes on the
 * canvas, reads what is drawn and the side panel, and saves screenshots in test/artifacts/
 * (docs/explorer.png, the README's, is refreshed when it is missing or UPDATE_SCREENSHOTS=1).
 * Skipped when the machine has no chromium (test/support/prerequisites.ts).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { seed } from '../../src/seed.ts';
import { type Service, startService } from '../../src/server/serve.ts';
import { apiClient } from '../support/api.ts';
import { freshDatabase, resetGraph, testConfig } from '../support/db.ts';
import { chromium as chromiumPath } from '../support/prerequisites.ts';
import { importRecords, type Rec, SRC, source } from '../support/records.ts';

const ARTIFACTS = 'test/artifacts';
const BJUT = 'org-bjut';
const STRATEGIC = 'agreement-strategic-2023-12-21';
const BJUT_ROLES = 7;

let db: Database;
let service: Service;
let browser: Browser;
let page: Page;
let base: string;
let gql: ReturnType<typeof apiClient>;

const executablePath = chromiumPath();

beforeAll(async () => {
  if (!executablePath) return;
  db = await freshDatabase();
  await seed(db);
  gql = apiClient(db);
  const config = testConfig();
  config.logLevel = 'warn';
  service = await startService(config);
  base = service.url.replace(/\/graphql$/, '');
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await db?.close();
});

/** The ids of the API's neighbourhood of `ids` at depth 1. */
async function neighbourhoodIds(ids: string[]): Promise<string[]> {
  const result = await gql<{ neighbourhood: { nodes: { id: string }[] } }>(
    'query ($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 1) { nodes { id } } }',
    { ids },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.neighbourhood.nodes.map((n) => n.id) ?? [];
}

const union = (...lists: string[][]) => [...new Set(lists.flat())].sort();

/** What the page has drawn: every node's id, the visible count it shows, and its state. */
async function drawn() {
  return page.evaluate(() => {
    const cy = (
      window as unknown as { cy: { nodes(): { map<T>(f: (n: { id(): string }) => T): T[] } } }
    ).cy;
    const graph = document.querySelector('#graph') as HTMLElement;
    return {
      ids: cy
        .nodes()
        .map((n) => n.id())
        .sort(),
      visible: Number(graph.dataset.nodes),
      edges: Number(graph.dataset.edges),
    };
  });
}

/** Waits until the graph is laid out and the side panel shows `id`. */
async function settled(id: string, timeout = 30_000) {
  await page.waitForFunction(
    (entity) => {
      const graph = document.querySelector('#graph') as HTMLElement;
      const panel = document.querySelector('#panel') as HTMLElement;
      return (
        graph.dataset.state === 'ready' &&
        panel.dataset.state === 'ready' &&
        panel.dataset.entity === entity
      );
    },
    id,
    { timeout },
  );
}

/** Clicks a drawn node where it is on the canvas, like a user. */
async function clickNode(id: string) {
  const point = await page.evaluate((nodeId) => {
    const cy = (
      window as unknown as {
        cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } };
      }
    ).cy;
    const box = (document.querySelector('#graph') as HTMLElement).getBoundingClientRect();
    const p = cy.getElementById(nodeId).renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

describe.skipIf(!executablePath)('the explorer on the seed graph', () => {
  it('search 北工大, pick 北京工业大学, click a node: what is drawn and the side panel', async () => {
    await page.goto(`${base}/explore`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.fill('#search', '北工大');
    await page.press('#search', 'Enter');
    const result = page.locator(`#results button[data-id="${BJUT}"]`);
    // As long as settled() waits: the first search on a busy machine takes seconds.
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('北京工业大学');
    await result.click();
    await settled(BJUT);

    const first = await neighbourhoodIds([BJUT]);
    let graph = await drawn();
    expect(graph.ids).toEqual([...first].sort());
    expect(graph.visible).toBe(first.length);
    const panel = (await page.textContent('#panel')) ?? '';
    for (const text of [
      '北京工业大学',
      'Beijing University of Technology',
      `Roles (${BJUT_ROLES})`,
      '校长',
      '聂祚仁',
      'Agreements (2)',
      '战略合作协议',
      '先导区合同',
      'Sources (1)',
      '北京工业大学新闻中心',
    ]) {
      expect(panel).toContain(text);
    }

    // A click on the strategic agreement shows it and draws its neighbours.
    await clickNode(STRATEGIC);
    await settled(STRATEGIC);
    await page.waitForFunction(
      () => document.querySelector('#graph')?.getAttribute('data-state') === 'ready',
    );
    graph = await drawn();
    const expanded = union(first, await neighbourhoodIds([STRATEGIC]));
    expect(expanded.length).toBeGreaterThan(first.length);
    expect(graph.ids).toEqual(expanded);
    expect(graph.visible).toBe(expanded.length);
    const details = (await page.textContent('#panel')) ?? '';
    for (const text of [
      '战略合作协议',
      'Strategic Cooperation Agreement',
      'Parties (3)',
      '中关村科技园区朝阳园管理委员会',
      '北京控股集团有限公司',
      '签约仪式',
      '2023-12-21',
    ]) {
      expect(details).toContain(text);
    }
    expect(await page.textContent('#status')).toContain(`${expanded.length} nodes`);
    await page.screenshot({ path: `${ARTIFACTS}/explorer.png` });
    if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync('docs/explorer.png')) {
      copyFileSync(`${ARTIFACTS}/explorer.png`, 'docs/explorer.png');
    }
  });

  it('the relation filter and the as-of slider hide what they leave out', async () => {
    const all = (await drawn()).visible;
    // Without `at`, the BJUT roles (drawn only through it) go.
    await page.uncheck('#type-AT');
    expect((await drawn()).visible).toBe(all - BJUT_ROLES);
    await page.check('#type-AT');
    expect((await drawn()).visible).toBe(all);

    // The slider's first day is a year before the earliest date drawn (2023-12-21): nothing
    // was signed or held then.
    await page.check('#asof-on');
    await page.$eval('#asof', (slider: HTMLInputElement) => {
      slider.value = '0';
      slider.dispatchEvent(new Event('input'));
    });
    expect(await page.textContent('#asof-label')).toBe('2022-12-21');
    const hidden = await page.evaluate(() =>
      (
        window as unknown as {
          cy: { nodes(s: string): { map<T>(f: (n: { data(k: string): string }) => T): T[] } };
        }
      ).cy
        .nodes('.hidden')
        .map((n) => n.data('kind')),
    );
    expect(new Set(hidden)).toEqual(new Set(['AGREEMENT', 'EVENT', 'INITIATIVE', 'ORGANISATION']));
    expect(hidden.filter((kind) => kind === 'AGREEMENT')).toHaveLength(2);
    await page.uncheck('#asof-on');
    expect((await drawn()).visible).toBe(all);
  });
});

describe.skipIf(!executablePath)('a big neighbourhood', () => {
  it('2000 visible nodes are drawn at once and the page keeps answering', async () => {
    await resetGraph(db);
    const records: Rec[] = [
      source(),
      {
        type: 'region',
        id: 'region-big',
        name: '大区',
        nameEn: 'Big District',
        kind: 'district',
        sources: [SRC],
      },
    ];
    for (let i = 0; i < 1999; i++) {
      records.push({
        type: 'organisation',
        id: `org-big-${String(i).padStart(4, '0')}`,
        name: `机构${i}`,
        region: 'region-big',
        sources: [SRC],
      });
    }
    await importRecords(db, records);

    await page.goto(`${base}/explore`);
    await page.waitForSelector('body[data-ready="true"]');
    // Long tasks on the page's main thread, from here on.
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.fill('#search', 'Big District');
    await page.press('#search', 'Enter');
    const started = Date.now();
    await page.locator('#results button[data-id="region-big"]').click();
    await settled('region-big', 60_000);
    const elapsed = Date.now() - started;
    const graph = await drawn();
    expect(graph.visible).toBe(2000);
    expect(graph.edges).toBe(1999);
    // Laid out without a simulation, in chunks: no frozen tab (Chrome calls a page unresponsive
    // after several seconds without an answer). How long it takes is logged, not asserted: a
    // wall-clock limit fails on a busy machine (26 s once in a full run, 4 s alone).
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    expect(longest).toBeLessThan(5_000);
    // Zooming in answers within a frame or two.
    const box = await page.locator('#graph').boundingBox();
    await page.mouse.move((box?.x ?? 0) + 300, (box?.y ?? 0) + 300);
    const zoom = Date.now();
    await page.mouse.wheel(0, -400);
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect(Date.now() - zoom).toBeLessThan(3_000);
    await page.screenshot({ path: `${ARTIFACTS}/explorer-2000.png` });
    console.log(
      `explorer, 2000 nodes: ready in ${elapsed} ms, longest main-thread task ${Math.round(longest)} ms`,
    );
  });
});
