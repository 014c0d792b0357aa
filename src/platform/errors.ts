/**
 * Named errors with stable ids. Routes throw these; the one error handler turns them into a Chinese page
 * (browsers) or JSON (API clients). Messages are safe to show to the public.
 */

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    /** stable id, e.g. `not_found`, for logs, tests and API clients */
    readonly id: string,
    readonly status: number,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export const errors = {
  notFound: (what = '页面') => new AppError('not_found', 404, `您访问的${what}不存在或已被删除。`),
  forbidden: (message = '您没有权限执行此操作。') => new AppError('forbidden', 403, message),
  unauthenticated: () => new AppError('unauthenticated', 401, '请先登录。'),
  badRequest: (message: string, fields?: FieldErrors) => new AppError('bad_request', 400, message, fields),
  conflict: (message: string, fields?: FieldErrors) => new AppError('conflict', 409, message, fields),
  validation: (fields: FieldErrors, message = '提交的内容有误，请按提示修改。') =>
    new AppError('validation_failed', 422, message, fields),
  csrf: () =>
    new AppError('csrf_invalid', 403, '页面已过期或请求来源无法验证，请返回上一页刷新后重新提交。'),
  tooLarge: () =>
    new AppError(
      'payload_too_large',
      413,
      '提交的内容过大，未能保存。请用浏览器的“返回”回到上一页（已填写的内容仍在页面上），精简后重试；篇幅很长的内容请作为附件上传。',
    ),
  tooManyRequests: () => new AppError('too_many_requests', 429, '操作过于频繁，请稍后再试。'),
  calendarMissing: (year: number) =>
    new AppError(
      'calendar_year_missing',
      422,
      `工作日历缺少${year}年的节假日安排数据，无法计算期限。请系统管理员先录入${year}年的安排。`,
    ),
};
