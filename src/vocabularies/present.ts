/** Rows → what the vocabulary pages show. */
import type { CatalogCategoryRow, VocabularyRow } from './repository.ts';
import type { VocabularyKind } from './schemas.ts';

export interface VocabularyItem {
  id: number;
  kind: VocabularyKind;
  code: string;
  label: string;
  sortOrder: number;
  active: boolean;
  /** documents (any state) that use the entry */
  usage: number;
}

export interface CatalogItem {
  code: string;
  article: string;
  label: string;
  deadline: number;
  active: boolean;
  usage: number;
}

export function presentVocabulary(row: VocabularyRow, usage: Map<string, number>): VocabularyItem {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    label: row.label,
    sortOrder: row.sort_order,
    active: row.active === 1,
    usage: usage.get(row.code) ?? 0,
  };
}

export function presentCatalog(row: CatalogCategoryRow, usage: Map<string, number>): CatalogItem {
  return {
    code: row.code,
    article: row.article,
    label: row.label,
    deadline: row.deadline_working_days,
    active: row.active === 1,
    usage: usage.get(row.code) ?? 0,
  };
}

/** What the add/edit form shows: strings, as typed. */
export interface VocabularyFormValues {
  code: string;
  label: string;
  sort_order: string;
}

export function vocabularyFormValues(row: VocabularyRow): VocabularyFormValues {
  return { code: row.code, label: row.label, sort_order: String(row.sort_order) };
}

export interface CatalogFormValues {
  deadline_working_days: string;
  active: boolean;
  recompute: boolean;
}

export function catalogFormValues(row: CatalogCategoryRow): CatalogFormValues {
  return { deadline_working_days: String(row.deadline_working_days), active: row.active === 1, recompute: false };
}

/** The submitted values, for re-rendering a refused form. */
export function submittedCatalogValues(values: Record<string, string>): CatalogFormValues {
  return {
    deadline_working_days: values.deadline_working_days ?? '',
    active: values.active !== undefined,
    recompute: values.recompute !== undefined,
  };
}

export function submittedVocabularyValues(values: Record<string, string>, fallbackCode = ''): VocabularyFormValues {
  return { code: values.code ?? fallbackCode, label: values.label ?? '', sort_order: values.sort_order ?? '' };
}
