/** 公开期限监督: the 20-working-day rule per unit (条例第二十六条) and revoked penalty decisions (行政处罚法第四十八条). */
import type { PageContext } from '../../../platform/page.ts';
import { AdminLayout } from '../../../views/layout.tsx';
import type { DeadlinesView, LatePublicationView, PendingItemView, UnitDeadlinesView } from '../present.ts';
import { BoardNav, DataTable, OverdueFlag } from './parts.tsx';

function PendingTable(p: { caption: string; testId: string; items: PendingItemView[]; daysHeader?: string; overdue?: boolean }) {
  const headers = ['标题', '索引号', '状态', '形成（变更）日期', '公开期限'];
  return (
    <DataTable caption={p.caption} testId={p.testId} headers={p.daysHeader ? [...headers, p.daysHeader] : headers}>
      {p.items.map((i) => (
        <tr key={i.id}>
          <td><a href={i.href}>{i.title}</a></td>
          <td>{i.indexNumber}</td>
          <td>{i.status}</td>
          <td>{i.formedOn}</td>
          <td>{i.dueOn}</td>
          {p.daysHeader ? <td><OverdueFlag overdue={p.overdue === true}>{i.days}</OverdueFlag></td> : null}
        </tr>
      ))}
    </DataTable>
  );
}

function LateTable({ unit, items }: { unit: UnitDeadlinesView; items: LatePublicationView[] }) {
  return (
    <DataTable caption={`${unit.name}：逾期发布（近12个月）`} testId={`late-${unit.orgId}`} headers={['标题', '索引号', '公开期限', '发布日期', '逾期']}>
      {items.map((i) => (
        <tr key={i.id}>
          <td><a href={i.href}>{i.title}</a></td>
          <td>{i.indexNumber}</td>
          <td>{i.dueOn}</td>
          <td>{i.publishedOn}</td>
          <td>{i.days}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function UnitSection({ unit }: { unit: UnitDeadlinesView }) {
  return (
    <section aria-labelledby={`unit-title-${unit.orgId}`} data-testid={`unit-${unit.orgId}`}>
      <h3 id={`unit-title-${unit.orgId}`}>{unit.name}</h3>
      {unit.overdue.length ? (
        <PendingTable caption={`${unit.name}：已逾期（尚未发布）`} testId={`overdue-${unit.orgId}`} items={unit.overdue} daysHeader="逾期" overdue />
      ) : null}
      {unit.dueSoon.length ? (
        <PendingTable caption={`${unit.name}：即将到期（5个工作日内）`} testId={`due-soon-${unit.orgId}`} items={unit.dueSoon} daysHeader="剩余" />
      ) : null}
      {unit.noDeadline.length ? (
        <PendingTable caption={`${unit.name}：期限无法计算（缺少工作日历数据）`} testId={`no-deadline-${unit.orgId}`} items={unit.noDeadline} />
      ) : null}
      {unit.late.length ? <LateTable unit={unit} items={unit.late} /> : null}
    </section>
  );
}

export function DeadlinesPage({ ctx, view }: { ctx: PageContext; view: DeadlinesView }) {
  return (
    <AdminLayout ctx={ctx} title="公开期限监督">
      <h1>公开期限监督</h1>
      <BoardNav current="deadlines" />
      <p>
        依据《政府信息公开条例》第二十六条，属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开；法律、法规另有规定的从其规定，主动公开目录类别设定了更短期限的按较短期限计算。今天是{view.today}，“即将到期”指公开期限在今天至{view.dueSoonUntil}之间（5个工作日内）。
      </p>
      {view.notice ? <p class="notice" data-testid="calendar-notice">{view.notice}</p> : null}

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">各单位汇总</h2>
        <DataTable
          caption={`各单位主动公开期限情况（逾期发布与按时发布率统计${view.since}以来发布的信息）`}
          testId="deadline-summary"
          headers={['单位', '已逾期', '即将到期', '期限无法计算', '逾期发布（近12个月）', '按时发布率（近12个月）']}
          numeric={[1, 2, 3, 4, 5]}
        >
          {view.summary.map((u) => (
            <tr key={u.orgId} data-testid={`summary-${u.orgId}`}>
              <th scope="row">{u.name}</th>
              <td class="num">{u.overdue}</td>
              <td class="num">{u.dueSoon}</td>
              <td class="num">{u.noDeadline}</td>
              <td class="num">{u.late}</td>
              <td class="num">{u.onTimeRate}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="units-title">
        <h2 id="units-title">各单位明细</h2>
        {view.units.length === 0 ? (
          <p data-testid="no-items">没有已逾期、即将到期、期限无法计算或逾期发布的事项。</p>
        ) : (
          view.units.map((u) => <UnitSection key={u.orgId} unit={u} />)
        )}
      </section>

      <section aria-labelledby="takedown-title">
        <h2 id="takedown-title">撤销的行政处罚决定</h2>
        <p>
          依据《行政处罚法》第四十八条第二款，公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由；依第八十五条，“三日”指工作日，不含法定节假日。
        </p>
        {view.takedowns.length === 0 ? (
          <p data-testid="no-takedowns">没有尚待撤下或近12个月内撤下的行政处罚决定。</p>
        ) : (
          <DataTable caption="需撤下或近12个月已撤下的行政处罚决定" testId="takedowns" headers={['单位', '标题', '索引号', '撤下期限', '撤下日期', '情况']}>
            {view.takedowns.map((t) => (
              <tr key={t.id}>
                <td>{t.orgName}</td>
                <td><a href={t.href}>{t.title}</a></td>
                <td>{t.indexNumber}</td>
                <td>{t.dueOn}</td>
                <td>{t.takenDownOn}</td>
                <td><OverdueFlag overdue={t.late}>{t.state}</OverdueFlag></td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </AdminLayout>
  );
}
