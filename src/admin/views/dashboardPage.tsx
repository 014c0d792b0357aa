import { can, ROLE_LABELS } from '../../access/policy.ts';
import type { PageContext } from '../../platform/page.ts';
import { ADMIN_NAV, AdminLayout } from '../../views/layout.tsx';

const DESCRIPTIONS: Record<string, string> = {
  '/admin/documents': '起草、审核、签发和发布政府信息及政策解读，查看公开期限和解读情况。',
  '/admin/organizations': '维护区政府、部门和街道（乡镇）及其政府信息公开工作机构信息。',
  '/admin/staff': '管理工作人员账号及其在各单位的角色。',
  '/admin/calendar': '查看法定节假日与调休安排，录入新年度安排；所有法定期限按此计算。',
  '/admin/vocabularies': '维护主题分类、体裁和主动公开目录类别，设置各类别的公开时限。',
  '/admin/audit': '查阅全部操作记录，核验记录链是否被篡改。',
};

/** Counts from the 20-working-day deadline board for the viewer's units. */
export interface DeadlineSummary {
  overdue: number;
  dueSoon: number;
  noDeadline: number;
  penaltyOverdue: number;
}

export function DashboardPage({ ctx, deadlines }: { ctx: PageContext; deadlines: DeadlineSummary | null }) {
  const viewer = ctx.viewer!;
  const modules = ADMIN_NAV.filter((i) => i.href !== '/admin' && (!i.permission || can(viewer, i.permission)));
  return (
    <AdminLayout ctx={ctx} title="工作台">
      <h1>工作台</h1>
      <p>您好，{viewer.displayName}。</p>
      {deadlines ? (
        <section aria-labelledby="due-title" class="panel" data-testid="deadline-summary">
          <h2 id="due-title">公开期限提醒</h2>
          <ul>
            <li class={deadlines.overdue ? 'error' : undefined}>已逾期未公开：<strong>{deadlines.overdue}</strong> 条</li>
            <li>5个工作日内到期：<strong>{deadlines.dueSoon}</strong> 条</li>
            {deadlines.noDeadline ? <li>缺少工作日历、无法计算期限：<strong>{deadlines.noDeadline}</strong> 条</li> : null}
            {deadlines.penaltyOverdue ? <li class="error">已撤销但逾期未撤下的行政处罚决定：<strong>{deadlines.penaltyOverdue}</strong> 条</li> : null}
          </ul>
          <p><a href="/admin/documents/deadlines">查看公开期限详情</a></p>
        </section>
      ) : null}
      <section aria-labelledby="roles-title">
        <h2 id="roles-title">我的角色</h2>
        {viewer.roles.length === 0 ? (
          <p>您尚未被授予任何角色，请联系本单位管理员。</p>
        ) : (
          <ul data-testid="my-roles">
            {viewer.roles.map((g) => (
              <li key={`${g.orgId}-${g.role}`}>{g.orgName}：{ROLE_LABELS[g.role]}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="modules-title">
        <h2 id="modules-title">可用功能</h2>
        <ul class="cards" data-testid="modules">
          {modules.map((m) => (
            <li key={m.href} class="card">
              <h3><a href={m.href}>{m.label}</a></h3>
              <p>{DESCRIPTIONS[m.href] ?? ''}</p>
            </li>
          ))}
        </ul>
      </section>
      {can(viewer, 'document.view') ? (
        <section aria-labelledby="supervision-title">
          <h2 id="supervision-title">公开督查</h2>
          <ul class="cards" data-testid="supervision">
            <li class="card"><h3><a href="/admin/documents/deadlines">公开期限</a></h3><p>主动公开信息20个工作日公开期限：即将到期、已逾期和逾期发布的信息。</p></li>
            <li class="card"><h3><a href="/admin/documents/interpretations">政策解读情况</a></h3><p>各单位解读率、图解率和多元化解读率，及缺少解读的政策文件。</p></li>
            <li class="card"><h3><a href="/admin/documents/withheld-review">不予公开复审</a></h3><p>条例第十八条：定期评估审查不予公开的政府信息。</p></li>
          </ul>
        </section>
      ) : null}
    </AdminLayout>
  );
}
