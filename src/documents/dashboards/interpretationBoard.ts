/** The interpretation board as plain data (rates per unit and policies still waiting for an interpretation). */
import type { Kysely } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import type { WorkingCalendar } from '../../calendar/workingCalendar.ts';
import type { Database } from '../../db/schema.ts';
import type { LocalDate } from '../../platform/time.ts';
import { INTERPRETATION_WORKING_DAYS } from '../model.ts';
import { orNull, shanghaiDateOf, visibleUnits, type Fraction } from './common.ts';
import { interpretationFormCounts, policiesWithoutInterpretation, policyInterpretationCounts, unitsInScope } from './repository.ts';

export interface UnitInterpretationRates {
  orgId: number;
  name: string;
  /** 解读率: policies with a published interpretation / published policies */
  interpreted: Fraction;
  /** 图解率: policies with a published 图解 / published policies */
  graphic: Fraction;
  /** 多元化解读率: published interpretations in a form other than 文字 / all published interpretations */
  diversified: Fraction;
}

export interface UninterpretedPolicy {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  indexNumber: string;
  publishedOn: LocalDate;
  /** published date + 3 working days; null when the calendar lacks the year */
  dueOn: LocalDate | null;
  overdue: boolean;
  /** the approver's recorded reason for not interpreting (the 退文 rule's exception) */
  waiver: string | null;
  hasUnpublishedInterpretation: boolean;
}

export interface InterpretationBoard {
  year: number;
  units: UnitInterpretationRates[];
  /** the district (or the viewer's units) together */
  total: Omit<UnitInterpretationRates, 'orgId' | 'name'>;
  uninterpreted: UninterpretedPolicy[];
}

/**
 * 政策解读 supervision for one year (by publication date in Shanghai): per unit 解读率, 图解率 and 多元化解读率 with their
 * fractions, and the policies still without a published interpretation, due 3 working days after the policy.
 */
export async function interpretationBoard(
  db: Kysely<Database>,
  calendar: WorkingCalendar,
  scope: Scope,
  year: number,
  today: LocalDate,
): Promise<InterpretationBoard> {
  const [units, policyRows, formRows, lacking] = await Promise.all([
    unitsInScope(db, scope),
    policyInterpretationCounts(db, scope, year),
    interpretationFormCounts(db, scope, year),
    policiesWithoutInterpretation(db, scope, year),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const byUnit = new Map<number, UnitInterpretationRates>();
  const unit = (orgId: number): UnitInterpretationRates => {
    let u = byUnit.get(orgId);
    if (!u) {
      const zero = () => ({ numerator: 0, denominator: 0 });
      u = { orgId, name: names.get(orgId) ?? `#${orgId}`, interpreted: zero(), graphic: zero(), diversified: zero() };
      byUnit.set(orgId, u);
    }
    return u;
  };
  for (const r of policyRows) {
    const u = unit(r.org_id);
    u.interpreted = { numerator: r.interpreted, denominator: r.policies };
    u.graphic = { numerator: r.graphic, denominator: r.policies };
  }
  for (const r of formRows) unit(r.org_id).diversified = { numerator: r.nonText, denominator: r.total };

  const shown = visibleUnits(units, byUnit, (u) => unit(u.id));
  const sum = (pick: (u: UnitInterpretationRates) => Fraction): Fraction => ({
    numerator: shown.reduce((n, u) => n + pick(u).numerator, 0),
    denominator: shown.reduce((n, u) => n + pick(u).denominator, 0),
  });
  return {
    year,
    units: shown,
    total: { interpreted: sum((u) => u.interpreted), graphic: sum((u) => u.graphic), diversified: sum((u) => u.diversified) },
    uninterpreted: lacking.map((r) => {
      const publishedOn = shanghaiDateOf(r.published_at);
      // Interpretations are published within 3 working days of the policy (DOMAIN.md §2, 政策解读).
      const dueOn = orNull(() => calendar.addWorkingDays(publishedOn, INTERPRETATION_WORKING_DAYS));
      return {
        id: r.id,
        orgId: r.org_id,
        orgName: names.get(r.org_id) ?? `#${r.org_id}`,
        title: r.title,
        indexNumber: r.index_number,
        publishedOn,
        dueOn,
        overdue: r.interpretation_waiver === null && dueOn !== null && today > dueOn,
        waiver: r.interpretation_waiver,
        hasUnpublishedInterpretation: r.has_unpublished === 1,
      };
    }),
  };
}
