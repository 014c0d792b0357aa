/**
 * Working-day calendar pages (DOMAIN.md §10): every signed-in person may read the arrangements and use the
 * deadline calculator; only a platform administrator enters or corrects a year.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, can } from '../access/policy.ts';
import { appendAudit } from '../audit/repository.ts';
import { actorOf, requireViewer } from '../auth/viewer.ts';
import { AppError, errors } from '../platform/errors.ts';
import { formValues } from '../platform/forms.ts';
import { pageContext, sendPage, setFlash } from '../platform/page.ts';
import { isLocalDate } from '../platform/time.ts';
import type { Services } from '../services.ts';
import { getCalendarYear, listCalendarYears, replaceCalendarYear } from './repository.ts';
import { validateYearArrangementText } from './validate.ts';
import { CalendarFormPage, CalendarIndexPage, CalendarYearPage, type Calculation, type CalendarForm } from './views/calendarPages.tsx';

const calcSchema = z.object({
  date: z.string().trim().max(10).optional().default(''),
  n: z.string().trim().max(4).optional().default(''),
});

function daysToText(days: Array<{ date: string; name: string }>): string {
  return days.map((d) => `${d.date} ${d.name}`.trim()).join('\n');
}

export function calendarRoutes(app: FastifyInstance, { db, calendar }: Services): void {
  app.get('/admin/calendar', async (request, reply) => {
    const viewer = requireViewer(request);
    const q = calcSchema.parse(request.query ?? {});
    let calculation: Calculation | null = null;
    if (q.date) {
      calculation = { date: q.date, n: q.n, error: null, isWorkingDay: null, deadline: null };
      try {
        if (!isLocalDate(q.date)) throw errors.badRequest('日期格式应为 YYYY-MM-DD，例如 2026-10-09。');
        calculation.isWorkingDay = calendar.current().isWorkingDay(q.date);
        if (q.n) {
          if (!/^\d{1,3}$/.test(q.n)) throw errors.badRequest('工作日数须为0至999之间的整数。');
          calculation.deadline = calendar.current().addWorkingDays(q.date, Number(q.n));
        }
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        calculation.error = err.message;
      }
    }
    return sendPage(
      reply,
      CalendarIndexPage({
        ctx: pageContext(request, reply),
        years: await listCalendarYears(db),
        canManage: can(viewer, 'calendar.manage'),
        calculation,
      }),
      calculation?.error ? 422 : 200,
    );
  });

  app.get('/admin/calendar/new', async (request, reply) => {
    authorize(requireViewer(request), 'calendar.manage');
    const years = await listCalendarYears(db);
    const next = years.length ? Math.max(...years.map((y) => y.year)) + 1 : new Date().getFullYear() + 1;
    const form: CalendarForm = { year: String(next), source: `国务院办公厅关于${next}年部分节假日安排的通知`, holidays: '', workdays: '', existing: false };
    return sendPage(reply, CalendarFormPage({ ctx: pageContext(request, reply, { csrf: true }), form }));
  });

  app.get('/admin/calendar/:year', async (request, reply) => {
    const viewer = requireViewer(request);
    const year = Number((request.params as { year: string }).year);
    const detail = Number.isInteger(year) ? await getCalendarYear(db, year) : undefined;
    if (!detail) throw errors.notFound('年度节假日安排');
    return sendPage(reply, CalendarYearPage({ ctx: pageContext(request, reply), detail, canManage: can(viewer, 'calendar.manage') }));
  });

  app.get('/admin/calendar/:year/edit', async (request, reply) => {
    authorize(requireViewer(request), 'calendar.manage');
    const year = Number((request.params as { year: string }).year);
    const detail = Number.isInteger(year) ? await getCalendarYear(db, year) : undefined;
    if (!detail) throw errors.notFound('年度节假日安排');
    const form: CalendarForm = {
      year: String(detail.year),
      source: detail.source,
      holidays: daysToText(detail.days.filter((d) => d.kind === 'holiday')),
      workdays: daysToText(detail.days.filter((d) => d.kind === 'workday')),
      existing: true,
    };
    return sendPage(reply, CalendarFormPage({ ctx: pageContext(request, reply, { csrf: true }), form }));
  });

  app.post('/admin/calendar', async (request, reply) => {
    authorize(requireViewer(request), 'calendar.manage');
    const values = formValues(request.body);
    const input = {
      year: values.year ?? '',
      source: values.source ?? '',
      holidays: (values.holidays ?? '').slice(0, 20_000),
      workdays: (values.workdays ?? '').slice(0, 20_000),
    };
    const result = validateYearArrangementText(input);
    if (!result.ok) {
      const form: CalendarForm = { ...input, existing: values.existing === '1', errors: result.errors };
      return sendPage(reply, CalendarFormPage({ ctx: pageContext(request, reply, { csrf: true }), form }), 422);
    }
    const arrangement = result.data;
    const before = await getCalendarYear(db, arrangement.year);
    if (before && values.existing !== '1') {
      // Entering a "new" year that exists would silently replace it: send the person to the edit page instead.
      const form: CalendarForm = {
        ...input,
        existing: false,
        errors: { year: `${arrangement.year}年的安排已存在，如需更正请在该年度页面点击“修改”。` },
      };
      return sendPage(reply, CalendarFormPage({ ctx: pageContext(request, reply, { csrf: true }), form }), 409);
    }
    await db.transaction().execute(async (trx) => {
      const version = await replaceCalendarYear(trx, arrangement, 'admin');
      await appendAudit(trx, actorOf(request), {
        action: 'calendar.year_saved',
        entityType: 'calendar_year',
        entityId: arrangement.year,
        before: before ? { source: before.source, origin: before.origin, version: before.version, days: before.days } : undefined,
        after: { source: arrangement.source, origin: 'admin', version, days: arrangement.days },
      });
    });
    await calendar.reload();
    setFlash(request, 'success', `已保存${arrangement.year}年节假日安排，所有期限将按新安排计算。`);
    return reply.redirect(`/admin/calendar/${arrangement.year}`, 303);
  });
}
