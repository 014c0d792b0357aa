import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, Pagination, SelectField, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { ChainVerification } from '../repository.ts';
import { ENTITY_LABELS, type AuditItem } from '../present.ts';

export interface AuditFilterView {
  action: string;
  entity: string;
  actor: string;
  from: string;
  to: string;
}

function pageHref(filter: AuditFilterView, page: number): string {
  const q = new URLSearchParams({ ...filter, page: String(page) });
  for (const [k, v] of [...q]) if (!v) q.delete(k);
  return `/admin/audit?${q.toString()}`;
}

export function AuditListPage(p: {
  ctx: PageContext;
  items: AuditItem[];
  filter: AuditFilterView;
  errors: FieldErrors;
  page: number;
  pages: number;
  total: number;
  canVerify: boolean;
}) {
  return (
    <AdminLayout ctx={p.ctx} title="审计日志">
      <h1>审计日志</h1>
      <p>平台上的每一次状态变更都记录在此，记录只增不改；每条记录的哈希值包含上一条记录的哈希值，任何篡改都可被核验发现。</p>
      {p.canVerify ? (
        <p><a class="button secondary" href="/admin/audit/verify" data-testid="verify-chain">核验记录链</a></p>
      ) : null}
      <ErrorSummary errors={p.errors} />
      <form method="get" action="/admin/audit" class="filters" aria-label="筛选审计记录">
        <TextField name="action" label="操作（前缀，如 staff.）" value={p.filter.action} maxLength={64} />
        <SelectField
          name="entity"
          label="对象类型"
          value={p.filter.entity}
          placeholder="全部"
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField name="actor" label="操作人" value={p.filter.actor} maxLength={64} />
        <TextField name="from" label="起始日期" type="date" value={p.filter.from} errors={p.errors} />
        <TextField name="to" label="截止日期" type="date" value={p.filter.to} errors={p.errors} />
        <button type="submit" class="button">筛选</button>
      </form>
      <p aria-live="polite">共 {p.total} 条记录</p>
      <div class="table-wrap">
        <table data-testid="audit-table">
          <caption class="visually-hidden">审计记录（最新在前）</caption>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">单位</th>
              <th scope="col">操作</th>
              <th scope="col">对象</th>
              <th scope="col">IP</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr key={i.id}>
                <td><a href={`/admin/audit/${i.id}`}>{i.id}</a></td>
                <td>{i.at}</td>
                <td>{i.actor}</td>
                <td>{i.orgName}</td>
                <td>{i.actionLabel}</td>
                <td>{i.entity}{i.entityId ? ` #${i.entityId}` : ''}</td>
                <td>{i.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination pager={p} href={(n) => pageHref(p.filter, n)} />
    </AdminLayout>
  );
}

export function AuditEntryPage({ ctx, item }: { ctx: PageContext; item: AuditItem }) {
  return (
    <AdminLayout ctx={ctx} title={`审计记录 ${item.id}`}>
      <p><a href="/admin/audit">← 返回审计日志</a></p>
      <h1>审计记录 {item.id}</h1>
      <dl class="office">
        <dt>时间</dt><dd>{item.at}</dd>
        <dt>操作人</dt><dd>{item.actor}</dd>
        <dt>单位</dt><dd>{item.orgName}</dd>
        <dt>操作</dt><dd>{item.actionLabel}（{item.action}）</dd>
        <dt>对象</dt><dd>{item.entity}{item.entityId ? ` #${item.entityId}` : ''}</dd>
        <dt>IP</dt><dd>{item.ip || '—'}</dd>
        <dt>上一条哈希</dt><dd><code>{item.prevHash}</code></dd>
        <dt>本条哈希</dt><dd><code>{item.hash}</code></dd>
      </dl>
      <h2>变更前</h2>
      {item.before ? <pre>{item.before}</pre> : <p>（无）</p>}
      <h2>变更后</h2>
      {item.after ? <pre>{item.after}</pre> : <p>（无）</p>}
    </AdminLayout>
  );
}

export function AuditVerifyPage({ ctx, result }: { ctx: PageContext; result: ChainVerification }) {
  return (
    <AdminLayout ctx={ctx} title="核验审计记录链">
      <p><a href="/admin/audit">← 返回审计日志</a></p>
      <h1>核验审计记录链</h1>
      {result.ok ? (
        <p class="flash flash-success" role="status" data-testid="verify-result">记录链完整：已核验全部 {result.checked} 条记录，未发现篡改。</p>
      ) : (
        <div class="flash flash-error" role="alert" data-testid="verify-result">
          <p>记录链已被破坏：第一条异常记录为第 {result.firstBroken!.id} 条（{result.firstBroken!.reason}）。此前 {result.checked} 条记录完好。</p>
          <p>请立即报告系统管理员并保全数据库备份。</p>
        </div>
      )}
    </AdminLayout>
  );
}
