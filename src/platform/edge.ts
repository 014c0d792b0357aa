/**
 * Checks at the edge, in one place for every route: control characters never get past the request parser, and no
 * header value can break the response. Both defend the process and the data, whatever a route forgets.
 */
import { validateHeaderValue } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

// C0 control characters except tab, line feed and carriage return (a textarea submits CRLF). NUL in particular:
// PostgreSQL refuses it in text (a 500), SQLite stores it (data that can no longer move to PostgreSQL).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** The text without C0 control characters other than tab, CR and LF. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) return false;
  // fast-querystring's objects have a prototype that itself has none.
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** A multipart part as @fastify/multipart attaches it to the body: only fields' values are text. */
function isMultipartPart(value: unknown): value is { type: 'field' | 'file'; value?: unknown } {
  return (
    value !== null &&
    typeof value === 'object' &&
    'type' in value &&
    (value.type === 'field' || value.type === 'file') &&
    'fieldname' in value
  );
}

/**
 * Strip control characters from every string in parsed input (query, params, urlencoded and multipart fields),
 * in place. File contents are left alone: attachments are checked by their own content rules.
 */
export function cleanInput<T>(value: T): T {
  if (typeof value === 'string') return stripControlCharacters(value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanInput(value[i]);
    return value;
  }
  if (isMultipartPart(value)) {
    if (value.type === 'field' && typeof value.value === 'string') value.value = stripControlCharacters(value.value);
    return value;
  }
  if (isPlainRecord(value)) {
    const record: Record<string, unknown> = value;
    for (const key of Object.keys(record)) {
      const clean = stripControlCharacters(key);
      const item = cleanInput(record[key]);
      if (clean !== key) delete record[key];
      record[clean] = item;
    }
  }
  return value;
}

/** The first header whose value Node would refuse to write (it throws, outside any request handler). */
function invalidHeader(reply: FastifyReply): string | null {
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined) continue;
    try {
      for (const item of Array.isArray(value) ? value : [value]) validateHeaderValue(name, String(item));
    } catch {
      return name;
    }
  }
  return null;
}

/** Install the input cleaning and the header check for every route, the 404 handler included. */
export function setUpEdgeChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    request.query = cleanInput(request.query);
    request.params = cleanInput(request.params);
    if (request.body !== undefined) request.body = cleanInput(request.body);
  });
  // Registered after the session plugin, so it runs after the session is saved and before the head is written.
  app.addHook('onSend', async (request, reply, payload) => {
    const name = invalidHeader(reply);
    if (name === null) return payload;
    reply.removeHeader(name);
    request.log.error({ header: name }, 'refused to send an invalid header value');
    throw new AppError('internal_error', 500, '系统繁忙，请稍后再试。如问题持续，请联系网站管理员。');
  });
}
