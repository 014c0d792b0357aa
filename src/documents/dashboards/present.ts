/** Board data → what the dashboard pages show (Chinese text, formatted dates and shares). */
import { formatChineseDate, type LocalDate } from '../../platform/time.ts';
import { STATUS_LABELS, WITHHELD_REASONS, type WithheldReason } from '../model.ts';
import type { Fraction } from './common.ts';
import type { DeadlineBoard, LatePublication, PenaltyTakedown, PendingItem } from './deadlineBoard.ts';
import type { InterpretationBoard, UninterpretedPolicy, UnitInterpretationRates } from './interpretationBoard.ts';
import type { WithheldItem, WithheldReviewBoard } from './withheldBoard.ts';

export const NO_DEADLINE_TEXT = '期限无法计算（缺少工作日历数据）';
const NO_CALENDAR = '—（工作日历缺少数据）';

/** `75.0%（3/4）`, one decimal rounded half up; `—` when there is nothing to divide by (not 0%). */
export function formatShare(f: Fraction): string {
  if (f.denominator === 0) return '—';
  const tenths = Math.round((f.numerator * 1000) / f.denominator);
  return `${(tenths / 10).toFixed(1)}%（${f.numerator}/${f.denominator}）`;
}

function dateText(date: LocalDate | null): string {
  return date ? formatChineseDate(date) : '—';
}

function documentHref(id: number): string {
  return `/admin/documents/${id}`;
}

export interface PendingItemView {
  id: number;
  href: string;
  title: string;
  indexNumber: string;
  status: string;
  formedOn: string;
  dueOn: string;
  days: string;
}

export interface LatePublicationView {
  id: number;
  href: string;
  title: string;
  indexNumber: string;
  dueOn: string;
  publishedOn: string;
  days: string;
}

export interface UnitSummaryView {
  orgId: number;
  name: string;
  overdue: number;
  dueSoon: number;
  noDeadline: number;
  late: number;
  onTimeRate: string;
}

export interface UnitDeadlinesView {
  orgId: number;
  name: string;
  overdue: PendingItemView[];
  dueSoon: PendingItemView[];
  noDeadline: PendingItemView[];
  late: LatePublicationView[];
}

export interface TakedownView {
  id: number;
  href: string;
  orgName: string;
  title: string;
  indexNumber: string;
  dueOn: string;
  takenDownOn: string;
  state: string;
  late: boolean;
}

export interface DeadlinesView {
  today: string;
  dueSoonUntil: string;
  since: string;
  notice: string | null;
  summary: UnitSummaryView[];
  /** only units with something listed */
  units: UnitDeadlinesView[];
  takedowns: TakedownView[];
}

function overdueText(days: number | null): string {
  if (days === null) return NO_CALENDAR;
  // Due on a Friday and looked at on the Saturday: past due, but no working day has gone by yet.
  return days === 0 ? '已逾期' : `逾期${days}个工作日`;
}

function remainingText(days: number | null): string {
  if (days === null) return NO_CALENDAR;
  return days === 0 ? '今天到期' : `剩余${days}个工作日`;
}

function pendingView(item: PendingItem, days: (n: number | null) => string): PendingItemView {
  return {
    id: item.id,
    href: documentHref(item.id),
    title: item.title,
    indexNumber: item.indexNumber,
    status: STATUS_LABELS[item.status],
    formedOn: dateText(item.formedOn),
    dueOn: item.dueOn ? formatChineseDate(item.dueOn) : NO_DEADLINE_TEXT,
    days: item.dueOn ? days(item.workingDays) : NO_DEADLINE_TEXT,
  };
}

function lateView(item: LatePublication): LatePublicationView {
  return {
    id: item.id,
    href: documentHref(item.id),
    title: item.title,
    indexNumber: item.indexNumber,
    dueOn: formatChineseDate(item.dueOn),
    publishedOn: formatChineseDate(item.publishedOn),
    days: item.workingDaysLate === null ? NO_CALENDAR : `晚${item.workingDaysLate}个工作日`,
  };
}

function takedownState(t: PenaltyTakedown): string {
  if (t.stillUp && t.late) {
    return t.workingDays === null || t.workingDays === 0 ? '已超过期限，尚未撤下' : `已超过期限${-t.workingDays}个工作日，尚未撤下`;
  }
  if (t.stillUp) {
    if (t.workingDays === null) return `尚未撤下（剩余天数${NO_CALENDAR}）`;
    return t.workingDays === 0 ? '尚未撤下，今天到期' : `尚未撤下，剩余${t.workingDays}个工作日`;
  }
  if (t.takenDownOn === null) return '已撤下（撤下日期无记录）';
  if (t.late) return t.workingDays === null ? '逾期撤下' : `逾期撤下（晚${t.workingDays}个工作日）`;
  return '按期撤下';
}

/** The deadline board for its page. */
export function presentDeadlines(board: DeadlineBoard): DeadlinesView {
  return {
    today: formatChineseDate(board.today),
    dueSoonUntil: formatChineseDate(board.dueSoonUntil),
    since: formatChineseDate(board.since),
    notice: board.windowTruncated
      ? `工作日历缺少${Number(board.today.slice(0, 4)) + 1}年的节假日安排，“即将到期”只统计到本年末。请系统管理员录入下一年度安排。`
      : null,
    summary: board.units.map((u) => ({
      orgId: u.orgId,
      name: u.name,
      overdue: u.overdue.length,
      dueSoon: u.dueSoon.length,
      noDeadline: u.noDeadline.length,
      late: u.late.length,
      onTimeRate: formatShare(u.onTime),
    })),
    units: board.units
      .filter((u) => u.overdue.length + u.dueSoon.length + u.noDeadline.length + u.late.length > 0)
      .map((u) => ({
        orgId: u.orgId,
        name: u.name,
        overdue: u.overdue.map((i) => pendingView(i, overdueText)),
        dueSoon: u.dueSoon.map((i) => pendingView(i, remainingText)),
        noDeadline: u.noDeadline.map((i) => pendingView(i, remainingText)),
        late: u.late.map(lateView),
      })),
    takedowns: board.takedowns.map((t) => ({
      id: t.id,
      href: documentHref(t.id),
      orgName: t.orgName,
      title: t.title,
      indexNumber: t.indexNumber,
      dueOn: formatChineseDate(t.dueOn),
      takenDownOn: t.takenDownOn ? formatChineseDate(t.takenDownOn) : '—',
      state: takedownState(t),
      late: t.late,
    })),
  };
}

export interface RatesView {
  /** null for the total row */
  orgId: number | null;
  name: string;
  interpreted: string;
  graphic: string;
  diversified: string;
}

export interface UninterpretedView {
  id: number;
  href: string;
  orgName: string;
  title: string;
  indexNumber: string;
  publishedOn: string;
  dueOn: string;
  state: string;
  overdue: boolean;
}

export interface InterpretationsView {
  year: number;
  units: RatesView[];
  /** shown when more than one unit is listed */
  total: RatesView | null;
  uninterpreted: UninterpretedView[];
}

function ratesView(orgId: number | null, name: string, u: Pick<UnitInterpretationRates, 'interpreted' | 'graphic' | 'diversified'>): RatesView {
  return { orgId, name, interpreted: formatShare(u.interpreted), graphic: formatShare(u.graphic), diversified: formatShare(u.diversified) };
}

function uninterpretedState(p: UninterpretedPolicy): string {
  const draft = p.hasUnpublishedInterpretation ? '（解读稿已起草，尚未发布）' : '';
  if (p.waiver) return `签发时已说明无需解读：${p.waiver}`;
  if (p.dueOn === null) return `${NO_DEADLINE_TEXT}${draft}`;
  return `${p.overdue ? '已逾期' : '未到期'}${draft}`;
}

/** The interpretation board for its page. */
export function presentInterpretations(board: InterpretationBoard): InterpretationsView {
  return {
    year: board.year,
    units: board.units.map((u) => ratesView(u.orgId, u.name, u)),
    total: board.units.length > 1 ? ratesView(null, '合计', board.total) : null,
    uninterpreted: board.uninterpreted.map((p) => ({
      id: p.id,
      href: documentHref(p.id),
      orgName: p.orgName,
      title: p.title,
      indexNumber: p.indexNumber,
      publishedOn: formatChineseDate(p.publishedOn),
      dueOn: p.dueOn ? formatChineseDate(p.dueOn) : NO_DEADLINE_TEXT,
      state: uninterpretedState(p),
      overdue: p.overdue,
    })),
  };
}

export interface WithheldItemView {
  id: number;
  href: string;
  orgName: string;
  title: string;
  indexNumber: string;
  reason: string;
  basis: string;
  nextReviewOn: string;
  state: string;
  overdue: boolean;
  canReview: boolean;
}

export interface WithheldReviewView {
  today: string;
  reviewBy: string;
  items: WithheldItemView[];
}

/** `涉及商业秘密、个人隐私等第三方合法权益（条例第十五条）` */
export function withheldReasonLabel(reason: string | null): string {
  if (!reason) return '未填写';
  const r = WITHHELD_REASONS[reason as WithheldReason] as (typeof WITHHELD_REASONS)[WithheldReason] | undefined;
  return r ? `${r.label}（条例${r.article}）` : reason;
}

function reviewState(item: WithheldItem): string {
  if (item.nextReviewOn === null || item.daysLeft === null) return '未设定复审日期';
  if (item.daysLeft < 0) return `已逾期${-item.daysLeft}天`;
  return item.daysLeft === 0 ? '今天到期' : `${item.daysLeft}天后到期`;
}

/** The re-review board for its page; `canReview` says which items the viewer may conclude. */
export function presentWithheldReview(board: WithheldReviewBoard, canReview: (orgId: number) => boolean): WithheldReviewView {
  return {
    today: formatChineseDate(board.today),
    reviewBy: formatChineseDate(board.reviewBy),
    items: board.items.map((i) => ({
      id: i.id,
      href: documentHref(i.id),
      orgName: i.orgName,
      title: i.title,
      indexNumber: i.indexNumber,
      reason: withheldReasonLabel(i.reason),
      basis: i.basis ?? '—',
      nextReviewOn: dateText(i.nextReviewOn),
      state: reviewState(i),
      overdue: i.overdue,
      canReview: canReview(i.orgId),
    })),
  };
}
