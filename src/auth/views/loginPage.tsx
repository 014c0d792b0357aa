import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, PostForm, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';

export interface LoginView {
  username: string;
  next: string;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}

export function LoginPage({ ctx, view }: { ctx: PageContext; view: LoginView }) {
  return (
    <AdminLayout ctx={ctx} title="工作人员登录">
      <section class="narrow">
        <h1>工作人员登录</h1>
        {view.notice ? <p class="flash flash-success" role="status">{view.notice}</p> : null}
        <ErrorSummary errors={view.errors} />
        <PostForm action="/login" csrfToken={ctx.csrfToken} testId="login-form">
          <input type="hidden" name="next" value={view.next} />
          <TextField name="username" label="用户名" value={view.username} errors={view.errors} autocomplete="username" required maxLength={64} />
          <TextField name="password" label="密码" type="password" errors={view.errors} autocomplete="current-password" required maxLength={128} />
          <button type="submit" class="button" data-testid="login-submit">登录</button>
        </PostForm>
        <p class="hint">忘记密码请联系本单位管理员或系统管理员重置。连续多次输入错误密码，账号将被临时锁定。</p>
      </section>
    </AdminLayout>
  );
}
