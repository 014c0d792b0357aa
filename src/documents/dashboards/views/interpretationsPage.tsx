/** 政策解读情况: 解读率, 图解率 and 多元化解读率 per unit for a year, and the policies still waiting for an interpretation. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { PageContext } from '../../../platform/page.ts';
import { ErrorSummary, SelectField } from '../../../views/components.tsx';
import { AdminLayout } from '../../../views/layout.tsx';
import type { InterpretationsView, RatesView } from '../present.ts';
import { BoardNav, DataTable, OverdueFlag } from './parts.tsx';

function RatesRow({ r, testId }: { r: RatesView; testId: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{r.name}</th>
      <td class="num">{r.interpreted}</td>
      <td class="num">{r.graphic}</td>
      <td class="num">{r.diversified}</td>
    </tr>
  );
}

export function InterpretationsPage(p: {
  ctx: PageContext;
  /** the selectable years, newest first */
  years: number[];
  /** what the year field shows (the submitted text when it was wrong) */
  yearValue: string;
  view: InterpretationsView | null;
  errors?: FieldErrors;
}) {
  const v = p.view;
  return (
    <AdminLayout ctx={p.ctx} title="政策解读情况">
      <h1>政策解读情况</h1>
      <BoardNav current="interpretations" />
      <p>
        按照“谁起草、谁解读”，政策性文件应与解读材料同步报送，解读材料在政策文件发布后3个工作日内发布。统计口径：当年已发布的政策性文件中，有已发布解读的占比为解读率，有已发布图解的占比为图解率；当年已发布的解读中，文字以外形式（图解、音视频、动漫、专家解读、新闻发布会、问答等）的占比为多元化解读率。没有政策性文件的单位显示“—”。
      </p>
      <ErrorSummary errors={p.errors} labels={{ year: '年份' }} />
      <form method="get" action="/admin/documents/interpretations" class="filters" aria-label="选择年份">
        <SelectField
          name="year"
          label="年份"
          value={p.yearValue}
          errors={p.errors}
          options={p.years.map((y) => ({ value: String(y), label: `${y}年` }))}
        />
        <button type="submit" class="button">查看</button>
      </form>
      {v ? (
        <>
          <section aria-labelledby="rates-title">
            <h2 id="rates-title">{v.year}年各单位解读情况</h2>
            <DataTable
              caption={`${v.year}年政策解读率、图解率和多元化解读率（百分比后为分子/分母）`}
              testId="interpretation-rates"
              headers={['单位', '解读率', '图解率', '多元化解读率']}
              numeric={[1, 2, 3]}
            >
              {v.units.map((u) => (
                <RatesRow key={u.orgId} r={u} testId={`rates-${u.orgId}`} />
              ))}
              {v.total ? <RatesRow r={v.total} testId="rates-total" /> : null}
            </DataTable>
          </section>
          <section aria-labelledby="lacking-title">
            <h2 id="lacking-title">尚无已发布解读的政策文件</h2>
            {v.uninterpreted.length === 0 ? (
              <p data-testid="no-uninterpreted">{v.year}年发布的政策性文件均已发布解读。</p>
            ) : (
              <DataTable
                caption={`${v.year}年发布、尚无已发布解读的政策性文件（解读期限为文件发布后3个工作日）`}
                testId="uninterpreted"
                headers={['单位', '标题', '索引号', '发布日期', '解读期限', '情况']}
              >
                {v.uninterpreted.map((d) => (
                  <tr key={d.id}>
                    <td>{d.orgName}</td>
                    <td><a href={d.href}>{d.title}</a></td>
                    <td>{d.indexNumber}</td>
                    <td>{d.publishedOn}</td>
                    <td>{d.dueOn}</td>
                    <td><OverdueFlag overdue={d.overdue}>{d.state}</OverdueFlag></td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </>
      ) : null}
    </AdminLayout>
  );
}
