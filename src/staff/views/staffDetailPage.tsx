import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { GrantChoices, StaffDetail } from '../present.ts';
import { FIELD_LABELS } from '../schemas.ts';
import { StatusBadge } from './statusBadge.tsx';

export interface StaffDetailView {
  staff: StaffDetail;
  choices: GrantChoices;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}

/** One account: its details, its role grants and the actions the viewer may take on it. */
export function StaffDetailPage({ ctx, view }: { ctx: PageContext; view: StaffDetailView }) {
  const { staff: s, errors } = view;
  const values = view.values ?? {};
  const base = `/admin/staff/${s.id}`;
  return (
    <AdminLayout ctx={ctx} title={`人员：${s.displayName}`}>
      <p><a href="/admin/staff">返回人员列表</a></p>
      <h1>{s.displayName}</h1>
      <ErrorSummary errors={errors} labels={FIELD_LABELS} />
      <section aria-labelledby="account-title">
        <h2 id="account-title">账号信息</h2>
        <dl class="office" data-testid="staff-details">
          <dt>用户名</dt>
          <dd>{s.username}</dd>
          <dt>状态</dt>
          <dd><StatusBadge status={s.status} /></dd>
          <dt>最近登录</dt>
          <dd>{s.lastLogin}</dd>
          <dt>密码最近修改</dt>
          <dd>{s.passwordChangedAt}{s.mustChangePassword ? '（下次登录须修改密码）' : ''}</dd>
          <dt>连续登录失败次数</dt>
          <dd>{s.failedLogins}</dd>
          <dt>创建时间</dt>
          <dd>{s.createdAt}</dd>
        </dl>
        {s.canManage ? (
          <PostForm action={base} csrfToken={ctx.csrfToken} testId="staff-edit-form">
            <TextField
              name="displayName"
              label="姓名"
              value={values.displayName ?? s.displayName}
              errors={errors}
              required
              maxLength={50}
            />
            <button type="submit" class="button">保存姓名</button>
          </PostForm>
        ) : null}
      </section>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">单位及角色</h2>
        {s.grants.length === 0 ? (
          <p data-testid="no-grants">该人员尚未被授予任何角色。</p>
        ) : (
          <table class="data-table" data-testid="grants-table">
            <caption>{s.displayName}担任的角色</caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">角色</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {s.grants.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.orgName}{g.orgActive ? '' : '（单位已停用）'}</th>
                  <td>{g.roleLabel}</td>
                  <td>
                    {g.canRevoke ? (
                      <PostForm action={`${base}/roles/${g.id}/revoke`} csrfToken={ctx.csrfToken} class="inline">
                        <button type="submit" class="link-button" data-testid={`revoke-${g.id}`}>
                          撤销<span class="visually-hidden">{`${g.orgName}的${g.roleLabel}角色`}</span>
                        </button>
                      </PostForm>
                    ) : (
                      <span class="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {s.canGrant ? (
          <PostForm action={`${base}/roles`} csrfToken={ctx.csrfToken} testId="grant-form">
            <h3>授予角色</h3>
            <SelectField name="orgId" label="单位" value={values.orgId} errors={errors} options={view.choices.orgs} placeholder="请选择单位" required />
            <SelectField name="role" label="角色" value={values.role} errors={errors} options={view.choices.roles} placeholder="请选择角色" required />
            <button type="submit" class="button" data-testid="grant-submit">授予</button>
          </PostForm>
        ) : null}
      </section>

      {s.canUnlock || s.canReset || s.canDeactivate || s.canReactivate ? (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">账号操作</h2>
          <div class="actions">
            {s.canUnlock ? (
              <div>
                <PostForm action={`${base}/unlock`} csrfToken={ctx.csrfToken} class="inline">
                  <button type="submit" class="button" data-testid="staff-unlock">解除锁定</button>
                </PostForm>
              </div>
            ) : null}
            {s.canReset ? (
              <div>
                <PostForm action={`${base}/reset-password`} csrfToken={ctx.csrfToken} class="inline">
                  <button type="submit" class="button" data-testid="staff-reset">重置密码</button>
                </PostForm>
                <p class="hint">重置后原密码立即失效，此人已登录的会话将被终止。</p>
              </div>
            ) : null}
            {s.canDeactivate ? (
              <div>
                <PostForm action={`${base}/deactivate`} csrfToken={ctx.csrfToken} class="inline">
                  <button type="submit" class="button button-danger" data-testid="staff-deactivate">停用账号</button>
                </PostForm>
              </div>
            ) : null}
            {s.canReactivate ? (
              <div>
                <PostForm action={`${base}/reactivate`} csrfToken={ctx.csrfToken} class="inline">
                  <button type="submit" class="button" data-testid="staff-reactivate">重新启用</button>
                </PostForm>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}
    </AdminLayout>
  );
}
