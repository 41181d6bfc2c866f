/**
 * A request body of at most `limit` bytes (ACCORD_MAX_BODY_BYTES): 413 beyond it, 400 for a
 * Content-Length that is not one number. yoga's own limit pipes every body through a
 * TransformStream, whose stream pipeline and abort cost 6 % of the server's CPU on a small
 * question (bench/README.md, session 12); a body with a valid Content-Length cannot be longer
 * (Node's HTTP parser reads exactly that many bytes), so only a body without one, sent in
 * chunks, is counted as it arrives.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const tooLarge = () =>
  createGraphQLError('Request body too large', {
    extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
  });

/** Only one non-negative integer is a Content-Length (not a list: request smuggling). */
const CONTENT_LENGTH = /^\d+$/;

/** `request` with its body counted as it arrives, failing with 413 past `limit` bytes. */
function counted(
  request: Request,
  limit: number,
  fetchAPI: { TransformStream: typeof TransformStream; Request: typeof Request },
) {
  const body = request.body as ReadableStream<Uint8Array>;
  // A native stream needs the native TransformStream, the ponyfill's its own (yoga#4583).
  const Transform =
    body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let read = 0;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    // @ts-expect-error Node's fetch needs it for a stream body; lib.dom's RequestInit lacks it
    duplex: 'half',
  });
}

/** Runs after yoga's request parsers (it wraps the one chosen): set `maxRequestBodySize: false`. */
export function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (!CONTENT_LENGTH.test(length)) {
          throw createGraphQLError('Content-Length header is invalid.', {
            extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
          });
        }
        if (Number(length) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(counted(req, limit, fetchAPI)));
    },
  };
}
