import type { PageContext } from '../../platform/page.ts';
import { ActiveBadge } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { OrgListItem } from '../present.ts';
import { KIND_LABELS, ORG_KINDS } from '../schemas.ts';

export interface OrganizationsView {
  items: OrgListItem[];
  filter: { q: string; kind: string; inactive: boolean };
  canCreate: boolean;
  /** true when the viewer sees only the organizations where they hold a role */
  scoped: boolean;
}

/** The organization tree: the district government, then its departments and streets, indented under their parent. */
export function OrganizationsPage({ ctx, view }: { ctx: PageContext; view: OrganizationsView }) {
  const { items, filter } = view;
  return (
    <AdminLayout ctx={ctx} title="组织机构">
      <h1>组织机构</h1>
      {view.scoped ? <p class="hint">仅显示您担任单位管理员的单位。</p> : null}
      {view.canCreate ? (
        <p>
          <a class="button" href="/admin/organizations/new" data-testid="org-new">新建单位</a>
        </p>
      ) : null}
      <form method="get" action="/admin/organizations" class="filters" role="search" aria-label="筛选单位" data-testid="org-filter">
        <div class="field">
          <label for="f-q">名称或编码</label>
          <input id="f-q" name="q" type="search" value={filter.q} maxLength={100} />
        </div>
        <div class="field">
          <label for="f-kind">单位类型</label>
          <select id="f-kind" name="kind">
            <option value="">全部类型</option>
            {ORG_KINDS.map((k) => (
              <option key={k} value={k} selected={filter.kind === k}>{KIND_LABELS[k]}</option>
            ))}
          </select>
        </div>
        <div class="field checkbox">
          <input id="f-inactive" name="inactive" type="checkbox" value="1" checked={filter.inactive} />
          <label for="f-inactive">显示已停用的单位</label>
        </div>
        <button type="submit" class="button secondary">筛选</button>
      </form>
      {items.length === 0 ? (
        <p data-testid="org-empty">没有符合条件的单位。</p>
      ) : (
        <table class="data-table" data-testid="org-table">
          <caption>单位列表（共{items.length}个）</caption>
          <thead>
            <tr>
              <th scope="col">单位名称</th>
              <th scope="col">编码</th>
              <th scope="col">类型</th>
              <th scope="col">上级单位</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id} data-testid={`org-row-${o.code}`} class={o.active ? undefined : 'inactive'}>
                <th scope="row" class={`tree-depth-${Math.min(o.depth, 4)}`}>
                  {o.depth > 0 ? <span aria-hidden="true">{'　'.repeat(o.depth - 1)}└ </span> : null}
                  <a href={`/admin/organizations/${o.id}`}>{o.name}</a>
                </th>
                <td><code>{o.code}</code></td>
                <td>{o.kindLabel}</td>
                <td>{o.parentName || '—'}</td>
                <td><ActiveBadge active={o.active} /></td>
                <td>
                  <a href={`/admin/organizations/${o.id}`} aria-label={`查看${o.name}`}>查看</a>
                  {o.canEdit ? (
                    <>
                      {' '}
                      <a href={`/admin/organizations/${o.id}/edit`} aria-label={`编辑${o.name}`} data-testid={`org-edit-${o.code}`}>编辑</a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
