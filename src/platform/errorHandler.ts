/**
 * The one error handler and the 404 handler. Browsers get a Chinese page, API clients JSON; 5xx details stay in
 * the server log and never reach the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { ErrorPage } from '../site/views/errorPage.tsx';
import { AppError, errors } from './errors.ts';
import { pageContext, sendPage } from './page.ts';

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
}

/** Translate framework and plugin errors into the platform's named errors. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  // A schema parsed at the edge with .parse(): the request itself is malformed (a query parameter too long, say).
  if (error instanceof ZodError) return errors.badRequest('请求参数有误。');
  const e = error as FastifyError;
  switch (e.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return errors.csrf();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.tooLarge();
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large', 413, '附件超过大小限制：文档不超过20MB，图片不超过5MB。');
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('bad_request', 413, '一次只能上传一个附件。');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return errors.badRequest('上传的内容无法识别。');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 415, '不支持的提交格式。');
    case 'FST_ERR_BAD_URL':
      return errors.badRequest('网址格式有误，请检查后重试。');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('uri_too_long', 414, '网址过长，请检查后重试。');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.badRequest('提交的内容无法识别。');
  }
  if (e.statusCode === 429) return errors.tooManyRequests();
  if (e.validation) return errors.badRequest('请求参数有误。');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('bad_request', e.statusCode, '请求无法处理，请检查后重试。');
  }
  return new AppError('internal_error', 500, '系统繁忙，请稍后再试。如问题持续，请联系网站管理员。');
}

async function respond(request: FastifyRequest, reply: FastifyReply, appError: AppError): Promise<FastifyReply> {
  if (wantsJson(request)) {
    return reply.status(appError.status).send({
      error: appError.id,
      message: appError.message,
      ...(appError.fields ? { fields: appError.fields } : {}),
    });
  }
  if (appError.id === 'unauthenticated' && request.method === 'GET') {
    return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
  }
  // The page context may itself fail (no session on a broken request): fall back to a minimal context.
  let ctx;
  try {
    ctx = pageContext(request, reply);
  } catch {
    ctx = {
      site: request.server.config.site,
      prefs: request.prefs ?? { script: 'hans' as const, elderly: false },
      path: request.url,
      viewer: null,
      csrfToken: null,
      flash: null,
      demo: request.server.demoMode,
    };
  }
  return sendPage(reply, ErrorPage({ ctx, error: appError }), appError.status);
}

/**
 * Errors the router raises before any hook has run (a URL that does not decode, `/zwgk/%FF`): the request has no
 * preferences yet, so they are read from the cookie here and the visitor still gets a Chinese page.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const cookies = request.server.parseCookie(request.headers.cookie ?? '');
  request.prefs ??= { script: cookies.gk_script === 'hant' ? 'hant' : 'hans', elderly: cookies.gk_elderly === '1' };
  const appError = toAppError(error);
  request.log.info({ errorId: appError.id, status: appError.status }, appError.message);
  void respond(request, reply, appError);
}

/** Install the error and not-found handlers. */
export function setUpErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ errorId: appError.id, status: appError.status }, appError.message);
    return respond(request, reply, appError);
  });
  app.setNotFoundHandler(async (request, reply) => respond(request, reply, errors.notFound()));
}
