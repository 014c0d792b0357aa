/** Input at the edge for the dashboards: the year filter and the re-review form (messages in Chinese). */
import { z } from 'zod';
import { requiredText } from '../../platform/forms.ts';

/** 条例 as revised took effect in 2019; earlier years have no data on this platform. */
export const FIRST_REPORT_YEAR = 2019;

/** The `?year=` filter of the interpretation board; empty means the current year. */
export function yearQuerySchema(currentYear: number) {
  return z.object({
    year: z
      .string({ error: '年份格式有误。' })
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return currentYear;
        const year = /^\d{4}$/.test(v) ? Number(v) : NaN;
        if (!(year >= FIRST_REPORT_YEAR && year <= currentYear)) {
          ctx.addIssue({ code: 'custom', message: `年份应为${FIRST_REPORT_YEAR}年至${currentYear}年之间的四位数字。` });
          return z.NEVER;
        }
        return year;
      }),
  });
}

/** 条例第十八条 re-review conclusion. */
export const withheldReviewSchema = z.object({
  conclusion: z.enum(['keep', 'release'], { error: '请选择复审结论。' }),
  note: requiredText('复审意见', 1000),
});
