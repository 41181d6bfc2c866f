/**
 * CSRF: any web page can make a visitor's browser POST a form (`x-www-form-urlencoded`,
 * `multipart/form-data`, `text/plain`) to Accord without asking, and yoga would run an
 * operation from such a body; with a writing anonymous role that is a write from anywhere.
 * A JSON content type is not one a browser sends cross-site without a CORS preflight, which
 * ACCORD_CORS_ORIGINS then answers. So a POST to /graphql runs only with a GraphQL content
 * type; everything else is refused with 415 before its body is read. GET cannot carry a
 * mutation (yoga answers 405), and GraphiQL and the explorer post JSON.
 */
import type { Plugin } from 'graphql-yoga';

/** Content types a browser must preflight, and that yoga parses (application/graphql: a bare query). */
const ACCEPTED = new Set(['application/json', 'application/graphql+json', 'application/graphql']);

/** The media type of a Content-Type header, without parameters, lower-case. */
const mediaType = (header: string | null) =>
  (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

export function useCsrfPrevention(graphqlEndpoint = '/graphql'): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'POST' || url.pathname !== graphqlEndpoint) return;
      if (ACCEPTED.has(mediaType(request.headers.get('content-type')))) return;
      endResponse(
        Response.json(
          {
            errors: [
              {
                message:
                  'POST bodies must be JSON (content-type: application/json); form, multipart and text bodies are refused.',
                extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
              },
            ],
          },
          { status: 415 },
        ),
      );
    },
  };
}
