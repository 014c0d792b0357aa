import type { PageContext } from '../../platform/page.ts';
import { Pagination, SelectField, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import { STATUS_LABELS } from '../model.ts';
import type { DocumentListItem, Option } from '../present.ts';

export interface DocumentListView {
  items: DocumentListItem[];
  filter: { status: string; kind: string; org: string; q: string };
  orgs: Option[];
  canDraft: boolean;
  page: number;
  pages: number;
  total: number;
}

function pageHref(filter: DocumentListView['filter'], page: number): string {
  const q = new URLSearchParams({ ...filter, page: String(page) });
  for (const [k, v] of [...q]) if (!v) q.delete(k);
  return `/admin/documents?${q.toString()}`;
}

export function DocumentListPage({ ctx, view }: { ctx: PageContext; view: DocumentListView }) {
  return (
    <AdminLayout ctx={ctx} title="政府信息">
      <h1>政府信息</h1>
      <p class="actions">
        {view.canDraft ? (
          <>
            <a class="button" href="/admin/documents/new" data-testid="new-document">起草文件</a>{' '}
            <a class="button secondary" href="/admin/documents/new?kind=interpretation" data-testid="new-interpretation">起草政策解读</a>{' '}
          </>
        ) : null}
        <a href="/admin/documents/deadlines">公开期限</a>{' · '}
        <a href="/admin/documents/interpretations">解读情况</a>{' · '}
        <a href="/admin/documents/withheld-review">不予公开复审</a>
      </p>
      <form method="get" action="/admin/documents" class="filters" aria-label="筛选">
        <TextField name="q" label="标题关键词" value={view.filter.q} maxLength={100} />
        <SelectField name="status" label="状态" value={view.filter.status} placeholder="全部"
          options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        <SelectField name="kind" label="类型" value={view.filter.kind} placeholder="全部"
          options={[{ value: 'document', label: '文件' }, { value: 'interpretation', label: '政策解读' }]} />
        {view.orgs.length > 1 ? <SelectField name="org" label="单位" value={view.filter.org} placeholder="全部" options={view.orgs} /> : null}
        <button type="submit" class="button">筛选</button>
      </form>
      <p>共 {view.total} 条</p>
      <div class="table-wrap">
        <table class="data-table" data-testid="document-table">
          <caption class="visually-hidden">政府信息列表</caption>
          <thead>
            <tr>
              <th scope="col">索引号</th>
              <th scope="col">标题</th>
              <th scope="col">类型</th>
              <th scope="col">单位</th>
              <th scope="col">公开属性</th>
              <th scope="col">状态</th>
              <th scope="col">公开期限</th>
              <th scope="col">更新时间</th>
            </tr>
          </thead>
          <tbody>
            {view.items.map((d) => (
              <tr key={d.id}>
                <td>{d.indexNumber}</td>
                <td><a href={`/admin/documents/${d.id}`}>{d.title}</a></td>
                <td>{d.kind}</td>
                <td>{d.orgName}</td>
                <td>{d.disclosureLabel}</td>
                <td><span class={`badge status-${d.status}`}>{d.statusLabel}</span></td>
                <td>{d.dueOn}</td>
                <td>{d.updatedAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination pager={view} href={(n) => pageHref(view.filter, n)} />
    </AdminLayout>
  );
}
