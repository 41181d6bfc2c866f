/**
 * The explorer page at `/explore`: static files from explorer/ (the page, its script and
 * style) and the graph library straight from node_modules (Cytoscape.js and the fCoSE
 * layout), so that the page works offline. Only the files listed here are served. The page
 * talks to the API at /graphql like any other client.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

const require = createRequire(import.meta.url);
const page = (name: string) => fileURLToPath(new URL(`../../../explorer/${name}`, import.meta.url));

const JS = 'text/javascript; charset=utf-8';

/** URL path → file and media type. */
const FILES: Record<string, { file: () => string; type: string }> = {
  '/explore': { file: () => page('index.html'), type: 'text/html; charset=utf-8' },
  '/explore/': { file: () => page('index.html'), type: 'text/html; charset=utf-8' },
  '/explore/explorer.js': { file: () => page('explorer.js'), type: JS },
  '/explore/explorer.css': { file: () => page('explorer.css'), type: 'text/css; charset=utf-8' },
  '/explore/vendor/cytoscape.esm.min.mjs': {
    file: () => fileURLToPath(import.meta.resolve('cytoscape/dist/cytoscape.esm.min.mjs')),
    type: JS,
  },
  // fCoSE and the two modules it needs are UMD scripts: loaded in order as classic scripts,
  // they define the globals layoutBase, coseBase and cytoscapeFcose.
  '/explore/vendor/layout-base.js': { file: () => require.resolve('layout-base'), type: JS },
  '/explore/vendor/cose-base.js': { file: () => require.resolve('cose-base'), type: JS },
  '/explore/vendor/cytoscape-fcose.js': {
    file: () => require.resolve('cytoscape-fcose'),
    type: JS,
  },
};

export function useExplorer(): Plugin {
  const cache = new Map<string, string>();
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const entry = FILES[url.pathname];
      if (!entry) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response('use GET', { status: 405, headers: { allow: 'GET' } }));
        return;
      }
      const path = entry.file();
      let body = cache.get(path);
      if (!body) {
        body = await readFile(path, 'utf8');
        // The page's own files are read afresh while developing; the libraries are kept.
        if (path.includes('node_modules')) cache.set(path, body);
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          headers: { 'content-type': entry.type, 'cache-control': 'no-cache' },
        }),
      );
    },
  };
}
