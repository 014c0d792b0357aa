/** The Chinese error page: what happened and what to do next, never internals. */
import type { AppError } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { AdminLayout, PublicLayout } from '../../views/layout.tsx';

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '需要登录',
  403: '无权访问',
  404: '页面不存在',
  409: '操作冲突',
  410: '信息已撤下',
  413: '内容过大',
  422: '无法处理',
  423: '账号已锁定',
  429: '操作过于频繁',
  500: '系统繁忙',
};

export function ErrorPage({ ctx, error }: { ctx: PageContext; error: AppError }) {
  const title = TITLES[error.status] ?? (error.status >= 500 ? '系统繁忙' : '请求无法处理');
  const Layout = ctx.path.startsWith('/admin') ? AdminLayout : PublicLayout;
  return (
    <Layout ctx={ctx} title={title}>
      <section class="error-page" data-testid="error-page" data-error-id={error.id}>
        <h1>{title}</h1>
        <p class="lead">{error.message}</p>
        <p class="status-code">错误代码：{error.status}</p>
        <ul class="next-steps">
          {error.status === 401 ? (
            <li><a href={`/login?next=${encodeURIComponent(ctx.path)}`}>前往登录</a></li>
          ) : null}
          <li><a href="/">返回网站首页</a></li>
          {ctx.viewer ? <li><a href="/admin">返回工作台</a></li> : null}
        </ul>
      </section>
    </Layout>
  );
}
