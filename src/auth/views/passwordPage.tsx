import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, PostForm, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';

export function PasswordPage({ ctx, errors, forced }: { ctx: PageContext; errors?: FieldErrors | undefined; forced: boolean }) {
  return (
    <AdminLayout ctx={ctx} title="修改密码">
      <section class="narrow">
        <h1>修改密码</h1>
        {forced ? <p class="notice" role="status">您的密码已被重置或为初始密码，请先设置新密码再继续使用。</p> : null}
        <ErrorSummary errors={errors} />
        <PostForm action="/admin/password" csrfToken={ctx.csrfToken} testId="password-form">
          <TextField name="current" label="当前密码" type="password" errors={errors} autocomplete="current-password" required />
          <TextField name="password" label="新密码" type="password" errors={errors} autocomplete="new-password" required hint="至少10个字符，须同时包含字母和数字。" />
          <TextField name="confirm" label="再次输入新密码" type="password" errors={errors} autocomplete="new-password" required />
          <button type="submit" class="button">保存新密码</button>
        </PostForm>
      </section>
    </AdminLayout>
  );
}
