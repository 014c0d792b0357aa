import type { PageContext } from '../../platform/page.ts';
import { AdminLayout } from '../../views/layout.tsx';

export interface TemporaryPasswordView {
  title: string;
  intro: string;
  staffId: number;
  username: string;
  displayName: string;
  password: string;
}

/** The one and only showing of a temporary password: it is not stored in plain text anywhere. */
export function TemporaryPasswordPage({ ctx, view }: { ctx: PageContext; view: TemporaryPasswordView }) {
  return (
    <AdminLayout ctx={ctx} title={view.title}>
      <section class="narrow">
        <h1>{view.title}</h1>
        <p role="status">{view.intro}</p>
        <dl class="office">
          <dt>姓名</dt>
          <dd>{view.displayName}</dd>
          <dt>用户名</dt>
          <dd data-testid="temp-username">{view.username}</dd>
          <dt>临时密码</dt>
          <dd><code class="secret" data-testid="temp-password">{view.password}</code></dd>
        </dl>
        <p class="notice">
          此密码只显示这一次，离开本页后无法再次查看。请通过安全的方式当面或电话告知本人；此人登录后须立即设置新密码。
        </p>
        <p>
          <a class="button" href={`/admin/staff/${view.staffId}`}>查看该人员</a>{' '}
          <a href="/admin/staff">返回人员列表</a>
        </p>
      </section>
    </AdminLayout>
  );
}
