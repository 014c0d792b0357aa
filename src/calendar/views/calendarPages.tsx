import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { formatChineseDate } from '../../platform/time.ts';
import { ErrorSummary, PostForm, TextArea, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { CalendarYearDetail, CalendarYearSummary } from '../repository.ts';

export interface Calculation {
  date: string;
  n: string;
  error: string | null;
  isWorkingDay: boolean | null;
  deadline: string | null;
}

export function CalendarIndexPage(p: {
  ctx: PageContext;
  years: CalendarYearSummary[];
  canManage: boolean;
  calculation: Calculation | null;
}) {
  const c = p.calculation;
  return (
    <AdminLayout ctx={p.ctx} title="工作日历">
      <h1>工作日历</h1>
      <p>
        工作日为星期一至星期五，扣除国务院公布的法定节假日，加上调休上班的周末。依申请公开答复、主动公开等法定期限均按本日历计算；
        缺少某一年度数据时，系统拒绝计算该年度的期限，而不会推测。
      </p>
      <section aria-labelledby="calc-title" class="panel">
        <h2 id="calc-title">期限计算</h2>
        <form method="get" action="/admin/calendar" class="filters" data-testid="calendar-calc">
          <TextField name="date" label="起算日期（如收到申请之日）" type="date" value={c?.date ?? ''} />
          <TextField name="n" label="工作日数" value={c?.n ?? ''} inputMode="numeric" hint="当日不计入，自下一个工作日起算。" />
          <button type="submit" class="button">计算</button>
        </form>
        {c ? (
          <div role="status" data-testid="calendar-result">
            {c.error ? (
              <p class="error">{c.error}</p>
            ) : (
              <>
                <p>{formatChineseDate(c.date)}{c.isWorkingDay ? '是工作日。' : '不是工作日。'}</p>
                {c.deadline ? <p>{c.n}个工作日后为：<strong>{formatChineseDate(c.deadline)}</strong></p> : null}
              </>
            )}
          </div>
        ) : null}
      </section>
      <section aria-labelledby="years-title">
        <h2 id="years-title">已录入年度</h2>
        {p.canManage ? <p><a class="button" href="/admin/calendar/new">录入新年度安排</a></p> : null}
        <div class="table-wrap">
          <table data-testid="calendar-years">
            <caption class="visually-hidden">各年度节假日安排</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">依据</th>
                <th scope="col">放假（工作日）</th>
                <th scope="col">调休上班</th>
                <th scope="col">来源</th>
                <th scope="col">版本</th>
              </tr>
            </thead>
            <tbody>
              {p.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row"><a href={`/admin/calendar/${y.year}`}>{y.year}年</a></th>
                  <td>{y.source}</td>
                  <td>{y.holiday_count}天</td>
                  <td>{y.workday_count}天</td>
                  <td>{y.origin === 'shipped' ? '平台内置' : '管理员录入'}</td>
                  <td>{y.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </AdminLayout>
  );
}

export function CalendarYearPage({ ctx, detail, canManage }: { ctx: PageContext; detail: CalendarYearDetail; canManage: boolean }) {
  const holidays = detail.days.filter((d) => d.kind === 'holiday');
  const workdays = detail.days.filter((d) => d.kind === 'workday');
  return (
    <AdminLayout ctx={ctx} title={`${detail.year}年节假日安排`}>
      <p><a href="/admin/calendar">← 返回工作日历</a></p>
      <h1>{detail.year}年节假日安排</h1>
      <p>依据：{detail.source}（{detail.origin === 'shipped' ? '平台内置' : '管理员录入'}，第{detail.version}版）</p>
      {canManage ? <p><a class="button secondary" href={`/admin/calendar/${detail.year}/edit`}>修改</a></p> : null}
      <div class="columns">
        <section aria-labelledby="h-holidays">
          <h2 id="h-holidays">放假的工作日（{holidays.length}天）</h2>
          <ul data-testid="holiday-list">
            {holidays.map((d) => <li key={d.date}>{formatChineseDate(d.date)} {d.name}</li>)}
          </ul>
        </section>
        <section aria-labelledby="h-workdays">
          <h2 id="h-workdays">调休上班的周末（{workdays.length}天）</h2>
          <ul data-testid="workday-list">
            {workdays.map((d) => <li key={d.date}>{formatChineseDate(d.date)} {d.name}</li>)}
          </ul>
        </section>
      </div>
    </AdminLayout>
  );
}

export interface CalendarForm {
  year: string;
  source: string;
  holidays: string;
  workdays: string;
  existing: boolean;
  errors?: FieldErrors;
}

export function CalendarFormPage({ ctx, form }: { ctx: PageContext; form: CalendarForm }) {
  return (
    <AdminLayout ctx={ctx} title="录入年度节假日安排">
      <p><a href="/admin/calendar">← 返回工作日历</a></p>
      <h1>{form.existing ? `修改${form.year}年节假日安排` : '录入年度节假日安排'}</h1>
      <p>按国务院办公厅当年的节假日安排通知逐日录入。只需录入“放假的工作日”和“调休上班的周末”；本就是周末的放假日无需录入。保存后所有期限立即按新安排计算。</p>
      <ErrorSummary errors={form.errors} labels={{ year: '年度', source: '依据', holidays: '放假的工作日', workdays: '调休上班的周末' }} />
      <PostForm action="/admin/calendar" csrfToken={ctx.csrfToken} testId="calendar-form">
        <input type="hidden" name="existing" value={form.existing ? '1' : '0'} />
        <TextField name="year" label="年度" value={form.year} errors={form.errors} required inputMode="numeric" maxLength={4} />
        <TextField name="source" label="依据（通知名称及文号）" value={form.source} errors={form.errors} required maxLength={200} />
        <TextArea name="holidays" label="放假的工作日" value={form.holidays} errors={form.errors} rows={12} hint="每行一天：YYYY-MM-DD 节日名称，例如：2027-01-01 元旦" />
        <TextArea name="workdays" label="调休上班的周末" value={form.workdays} errors={form.errors} rows={6} hint="每行一天：YYYY-MM-DD 节日名称，例如：2027-02-06 春节" />
        <button type="submit" class="button">保存</button>
      </PostForm>
    </AdminLayout>
  );
}
