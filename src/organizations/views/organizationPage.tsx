import type { PageContext } from '../../platform/page.ts';
import { ActiveBadge, PostForm } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { OrgDetail } from '../present.ts';

export interface OrganizationView {
  org: OrgDetail;
  /** 'all' may edit everything, 'office' only the office details, null nothing */
  editScope: 'all' | 'office' | null;
  canDeactivate: boolean;
  canSeeStaff: boolean;
  /** why a deactivation or reactivation was refused */
  refusal?: string | undefined;
}

function Blank({ text }: { text: string }) {
  return <>{text || <span class="muted">未填写</span>}</>;
}

/** One organization: its basic facts, its 政府信息公开工作机构, the staff holding roles there and what lies under it. */
export function OrganizationPage({ ctx, view }: { ctx: PageContext; view: OrganizationView }) {
  const { org } = view;
  return (
    <AdminLayout ctx={ctx} title={org.name}>
      <p class="breadcrumb"><a href="/admin/organizations">组织机构</a></p>
      <h1>
        {org.name} <ActiveBadge active={org.active} />
      </h1>
      {view.refusal ? (
        <div class="flash flash-error" role="alert" data-testid="org-refusal">{view.refusal}</div>
      ) : null}
      <ul class="actions">
        {view.editScope ? (
          <li>
            <a class="button" href={`/admin/organizations/${org.id}/edit`} data-testid="org-edit">
              {view.editScope === 'all' ? '编辑单位' : '编辑工作机构信息'}
            </a>
          </li>
        ) : null}
        {view.editScope ? (
          <li>
            <a class="button secondary" href={`/admin/organizations/${org.id}/guide`} data-testid="org-guide">
              编辑公开指南与制度
            </a>
          </li>
        ) : null}
        {view.canDeactivate ? (
          <li>
            {org.active ? (
              <PostForm action={`/admin/organizations/${org.id}/deactivate`} csrfToken={ctx.csrfToken} class="inline" testId="org-deactivate">
                <button type="submit" class="button warning">停用单位</button>
              </PostForm>
            ) : (
              <PostForm action={`/admin/organizations/${org.id}/reactivate`} csrfToken={ctx.csrfToken} class="inline" testId="org-reactivate">
                <button type="submit" class="button secondary">重新启用</button>
              </PostForm>
            )}
          </li>
        ) : null}
      </ul>
      <section aria-labelledby="basic-title">
        <h2 id="basic-title">基本信息</h2>
        <dl class="summary" data-testid="org-basic">
          <dt>单位名称</dt><dd>{org.name}</dd>
          <dt>简称</dt><dd><Blank text={org.shortName} /></dd>
          <dt>单位编码</dt><dd><code>{org.code}</code></dd>
          <dt>单位类型</dt><dd>{org.kindLabel}</dd>
          <dt>上级单位</dt>
          <dd>
            {org.parent === null ? '—' : org.parent.linkable ? (
              <a href={`/admin/organizations/${org.parent.id}`}>{org.parent.name}</a>
            ) : (
              org.parent.name
            )}
          </dd>
          <dt>排序号</dt><dd>{org.sortOrder}</dd>
          <dt>最后修改</dt><dd>{org.updatedAt}</dd>
        </dl>
      </section>
      <section aria-labelledby="office-title">
        <h2 id="office-title">政府信息公开工作机构</h2>
        <dl class="summary" data-testid="org-office">
          <dt>机构名称</dt><dd><Blank text={org.officeName} /></dd>
          <dt>办公地址</dt><dd><Blank text={org.officeAddress} /></dd>
          <dt>邮政编码</dt><dd><Blank text={org.officePostcode} /></dd>
          <dt>办公时间</dt><dd><Blank text={org.officeHours} /></dd>
          <dt>联系电话</dt><dd><Blank text={org.officePhone} /></dd>
          <dt>传真</dt><dd><Blank text={org.officeFax} /></dd>
          <dt>电子邮箱</dt><dd><Blank text={org.officeEmail} /></dd>
        </dl>
      </section>
      <section aria-labelledby="children-title">
        <h2 id="children-title">下级单位</h2>
        {org.children.length === 0 ? (
          <p>无。</p>
        ) : (
          <ul data-testid="org-children">
            {org.children.map((c) => (
              <li key={c.id}>
                <a href={`/admin/organizations/${c.id}`}>{c.name}</a> <ActiveBadge active={c.active} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.canSeeStaff ? (
        <section aria-labelledby="staff-title">
          <h2 id="staff-title">本单位人员与角色</h2>
          {org.staff.length === 0 ? (
            <p data-testid="org-staff-empty">尚无人员在本单位担任角色。</p>
          ) : (
            <table class="data-table" data-testid="org-staff">
              <caption>在本单位担任角色的人员</caption>
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">用户名</th>
                  <th scope="col">角色</th>
                  <th scope="col">账号状态</th>
                </tr>
              </thead>
              <tbody>
                {org.staff.map((s, i) => (
                  <tr key={`${s.staffId}-${i}`}>
                    <th scope="row">{s.displayName}</th>
                    <td>{s.username}</td>
                    <td>{s.roleLabel}</td>
                    <td><ActiveBadge active={s.active} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </AdminLayout>
  );
}
