import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { GrantChoices } from '../present.ts';
import { FIELD_LABELS } from '../schemas.ts';

export interface StaffNewView {
  choices: GrantChoices;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}

/** The new-account form: username, name and a first role; the password is generated on submit. */
export function StaffNewPage({ ctx, view }: { ctx: PageContext; view: StaffNewView }) {
  const { values, errors } = view;
  return (
    <AdminLayout ctx={ctx} title="新建账号">
      <section class="narrow">
        <p><a href="/admin/staff">返回人员列表</a></p>
        <h1>新建账号</h1>
        <ErrorSummary errors={errors} labels={FIELD_LABELS} />
        <PostForm action="/admin/staff" csrfToken={ctx.csrfToken} testId="staff-new-form">
          <TextField
            name="username"
            label="用户名"
            value={values.username}
            errors={errors}
            required
            maxLength={32}
            autocomplete="off"
            hint="3至32位小写字母、数字、下划线、点或连字符，创建后不能修改。"
          />
          <TextField name="displayName" label="姓名" value={values.displayName} errors={errors} required maxLength={50} />
          <SelectField
            name="orgId"
            label="所在单位"
            value={values.orgId}
            errors={errors}
            options={view.choices.orgs}
            placeholder="请选择单位"
            required
          />
          <SelectField
            name="role"
            label="角色"
            value={values.role}
            errors={errors}
            options={view.choices.roles}
            placeholder="请选择角色"
            required
          />
          <p class="hint">提交后系统将生成一次性初始密码并仅显示一次；此人首次登录时须修改密码。</p>
          <button type="submit" class="button" data-testid="staff-create">创建账号</button>
        </PostForm>
      </section>
    </AdminLayout>
  );
}
