/** Path parameters: ids are plain decimal integers in range, anything else is "not found" (404), never a 500. */
import type { FastifyRequest } from 'fastify';
import { errors } from './errors.ts';
import { idParam } from './forms.ts';

/** The id in a path segment, or a 404 naming what was looked for. */
export function pathId(raw: unknown, what = '页面'): number {
  const parsed = idParam.safeParse(raw);
  if (!parsed.success) throw errors.notFound(what);
  return parsed.data;
}

/** The id in the route parameter `name` (default `:id`), or a 404. */
export function routeId(request: FastifyRequest, name = 'id', what = '页面'): number {
  return pathId((request.params as Record<string, unknown>)[name], what);
}
