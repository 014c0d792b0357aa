import type { PageContext } from '../../platform/page.ts';
import { AdminLayout } from '../../views/layout.tsx';
import type { StaffListRow } from '../present.ts';
import { StatusBadge } from './statusBadge.tsx';

export interface StaffListView {
  rows: StaffListRow[];
  q: string;
  canCreate: boolean;
  /** true when the list covers only the viewer's own units */
  scoped: boolean;
}

/** 人员与权限: every account the viewer may see, with its roles per organization. */
export function StaffListPage({ ctx, view }: { ctx: PageContext; view: StaffListView }) {
  return (
    <AdminLayout ctx={ctx} title="人员与权限">
      <h1>人员与权限</h1>
      {view.scoped ? <p class="hint">仅显示在您管理的单位中担任角色的人员。</p> : null}
      {view.canCreate ? (
        <p>
          <a class="button" href="/admin/staff/new" data-testid="staff-new">新建账号</a>
        </p>
      ) : null}
      <form method="get" action="/admin/staff" class="filters" role="search" aria-label="查找人员" data-testid="staff-filter">
        <div class="field">
          <label for="f-q">姓名或用户名</label>
          <input id="f-q" name="q" type="search" value={view.q} maxLength={50} />
        </div>
        <button type="submit" class="button button-secondary">查找</button>
      </form>
      {view.rows.length === 0 ? (
        <p data-testid="staff-empty">{view.q ? `没有找到与“${view.q}”相符的人员。` : '暂无人员。'}</p>
      ) : (
        <table class="data-table" data-testid="staff-table">
          <caption>工作人员（共{view.rows.length}人）</caption>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">用户名</th>
              <th scope="col">单位及角色</th>
              <th scope="col">状态</th>
              <th scope="col">最近登录</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.id} data-testid={`staff-row-${r.id}`}>
                <th scope="row"><a href={`/admin/staff/${r.id}`}>{r.displayName}</a></th>
                <td>{r.username}</td>
                <td>
                  {r.roles.length === 0 ? (
                    <span class="muted">未授予角色</span>
                  ) : (
                    <ul class="plain">
                      {r.roles.map((g, i) => (
                        <li key={i}>{g.orgName}：{g.roleLabel}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td><StatusBadge status={r.status} /></td>
                <td>{r.lastLogin}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
