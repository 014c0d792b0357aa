/** Sign in, sign out and change one's own password. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { formValues, parseForm } from '../platform/forms.ts';
import { pageContext, sendPage, setFlash } from '../platform/page.ts';
import { safeReturnPath } from '../platform/preferences.ts';
import { formatInstant } from '../platform/time.ts';
import { changeOwnPassword, login } from './service.ts';
import { passwordSchema } from './password.ts';
import { actorOf, requireViewer } from './viewer.ts';
import { LoginPage } from './views/loginPage.tsx';
import { PasswordPage } from './views/passwordPage.tsx';

const loginSchema = z.object({
  username: z.string({ error: '请输入用户名。' }).trim().min(1, '请输入用户名。').max(64, '用户名不能超过64个字符。'),
  password: z.string({ error: '请输入密码。' }).min(1, '请输入密码。').max(128, '密码不能超过128个字符。'),
  // Any value: safeReturnPath decides where to go, and an odd return address must never stop someone signing in.
  next: z.unknown().optional(),
});

const passwordChangeSchema = z
  .object({
    current: z.string({ error: '请输入当前密码。' }).min(1, '请输入当前密码。').max(128, '密码不能超过128个字符。'),
    password: passwordSchema,
    confirm: z.string({ error: '请再次输入新密码。' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: '两次输入的新密码不一致。' })
  .refine((v) => v.password !== v.current, { path: ['password'], message: '新密码不能与当前密码相同。' });

export function authRoutes(app: FastifyInstance, db: Db): void {
  app.get('/login', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const next = safeReturnPath(q.next, '/admin');
    if (request.viewer) return reply.redirect(next, 303);
    // The sign-in form's token needs no session: looking at the form stores nothing (a session begins at sign-in).
    const ctx = pageContext(request, reply, { anonymousForm: true });
    return sendPage(reply, LoginPage({ ctx, view: { username: '', next, notice: q.out ? '您已安全退出。' : undefined } }));
  });

  app.post(
    '/login',
    { config: { anonymousForm: true, rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = parseForm(loginSchema, request.body);
      const values = formValues(request.body);
      const next = safeReturnPath(values.next, '/admin');
      const fail = (errors: Record<string, string>, status: number) =>
        sendPage(
          reply,
          LoginPage({ ctx: pageContext(request, reply, { anonymousForm: true }), view: { username: values.username ?? '', next, errors } }),
          status,
        );
      if (!form.ok) return fail(form.errors, 422);
      const result = await login(db, app.config.login, form.data.username, form.data.password, request.ip);
      if (!result.ok) {
        switch (result.reason) {
          case 'locked':
            return fail({ _form: `由于连续多次登录失败，该账号已被临时锁定，请于 ${formatInstant(result.until)} 后再试，或联系管理员解锁。` }, 423);
          case 'inactive':
            return fail({ _form: '该账号已停用，请联系管理员。' }, 403);
          case 'invalid':
            return fail(
              {
                _form:
                  result.remaining !== null && result.remaining <= 2
                    ? `用户名或密码错误。再错误${result.remaining}次，账号将被临时锁定。`
                    : '用户名或密码错误。',
              },
              401,
            );
        }
      }
      // A new session id on sign-in prevents session fixation.
      await request.session.regenerate();
      request.session.staffId = result.staff.id;
      request.session.passwordStamp = result.staff.password_changed_at;
      return reply.redirect(result.staff.must_change_password === 1 ? '/admin/password' : next, 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    await request.session.destroy();
    return reply.redirect('/login?out=1', 303);
  });

  app.get('/admin/password', async (request, reply) => {
    const viewer = requireViewer(request);
    const ctx = pageContext(request, reply, { csrf: true });
    return sendPage(reply, PasswordPage({ ctx, forced: viewer.mustChangePassword }));
  });

  app.post('/admin/password', async (request, reply) => {
    const viewer = requireViewer(request);
    const form = parseForm(passwordChangeSchema, request.body);
    const render = (errors: Record<string, string>, status: number) =>
      sendPage(reply, PasswordPage({ ctx: pageContext(request, reply, { csrf: true }), errors, forced: viewer.mustChangePassword }), status);
    if (!form.ok) return render(form.errors, 422);
    const stamp = await changeOwnPassword(db, viewer.id, form.data.current, form.data.password, actorOf(request));
    if (!stamp) return render({ current: '当前密码不正确。' }, 422);
    request.session.passwordStamp = stamp;
    setFlash(request, 'success', '密码已修改。');
    return reply.redirect('/admin', 303);
  });
}
