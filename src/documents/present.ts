/** Document rows → what the admin pages show. */
import type { DocumentRow } from '../db/schema.ts';
import { formatInstant } from '../platform/time.ts';
import { DISCLOSURE_LABELS, INTERPRETATION_FORMS, STATUS_LABELS, VALIDITY_LABELS, WITHHELD_REASONS, type InterpretationForm, type WithheldReason } from './model.ts';
import { issuersOf } from './repository.ts';

export interface Option {
  value: string;
  label: string;
}

/** Values for the draft form (strings, as the form shows them). */
export interface DocumentFormValues {
  org_id: string;
  title: string;
  summary: string;
  written_on: string;
  formed_on: string;
  issuers: string;
  doc_number: string;
  topic_code: string;
  genre_code: string;
  keywords: string;
  disclosure: string;
  withheld_reason: string;
  withheld_basis: string;
  disclosure_methods: string[];
  catalog_code: string;
  is_policy: boolean;
  is_penalty_decision: boolean;
  body: string;
  interp_form: string;
  interp_unit: string;
  interp_person: string;
  policy_ids: string[];
  change_note: string;
}

/** Empty form values for a new draft. */
export function emptyFormValues(orgId: number | null, today: string): DocumentFormValues {
  return {
    org_id: orgId ? String(orgId) : '', title: '', summary: '', written_on: '', formed_on: today, issuers: '', doc_number: '',
    topic_code: '', genre_code: '', keywords: '', disclosure: 'proactive', withheld_reason: '', withheld_basis: '',
    disclosure_methods: ['政府网站'], catalog_code: '', is_policy: false, is_penalty_decision: false, body: '',
    interp_form: '', interp_unit: '', interp_person: '', policy_ids: [], change_note: '',
  };
}

/** Form values from a stored row. */
export function rowToFormValues(row: DocumentRow, policyIds: number[]): DocumentFormValues {
  return {
    org_id: String(row.org_id),
    title: row.title,
    summary: row.summary ?? '',
    written_on: row.written_on ?? '',
    formed_on: row.formed_on ?? '',
    issuers: issuersOf(row).join('；'),
    doc_number: row.doc_number ?? '',
    topic_code: row.topic_code ?? '',
    genre_code: row.genre_code ?? '',
    keywords: row.keywords ?? '',
    disclosure: row.disclosure,
    withheld_reason: row.withheld_reason ?? '',
    withheld_basis: row.withheld_basis ?? '',
    disclosure_methods: row.disclosure_method ? row.disclosure_method.split('、') : [],
    catalog_code: row.catalog_code ?? '',
    is_policy: row.is_policy === 1,
    is_penalty_decision: row.is_penalty_decision === 1,
    body: row.body_html,
    interp_form: row.interp_form ?? '',
    interp_unit: row.interp_unit ?? '',
    interp_person: row.interp_person ?? '',
    policy_ids: policyIds.map(String),
    change_note: '',
  };
}

/** Form values as submitted (to re-render after errors). */
export function submittedFormValues(body: unknown): DocumentFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
  const arr = (k: string) => (Array.isArray(b[k]) ? (b[k] as unknown[]).map(String) : typeof b[k] === 'string' ? [b[k] as string] : []);
  return {
    org_id: str('org_id'), title: str('title'), summary: str('summary'), written_on: str('written_on'), formed_on: str('formed_on'),
    issuers: str('issuers'), doc_number: str('doc_number'), topic_code: str('topic_code'), genre_code: str('genre_code'),
    keywords: str('keywords'), disclosure: str('disclosure'), withheld_reason: str('withheld_reason'), withheld_basis: str('withheld_basis'),
    disclosure_methods: arr('disclosure_methods'), catalog_code: str('catalog_code'), is_policy: b.is_policy !== undefined,
    is_penalty_decision: b.is_penalty_decision !== undefined, body: str('body'), interp_form: str('interp_form'),
    interp_unit: str('interp_unit'), interp_person: str('interp_person'), policy_ids: arr('policy_ids'), change_note: str('change_note'),
  };
}

export interface DocumentListItem {
  id: number;
  kind: string;
  indexNumber: string;
  title: string;
  orgName: string;
  status: string;
  statusLabel: string;
  disclosureLabel: string;
  dueOn: string;
  updatedAt: string;
}

/** One row of the admin list. */
export function presentListItem(row: DocumentRow & { org_name: string }): DocumentListItem {
  return {
    id: row.id,
    kind: row.kind === 'interpretation' ? '政策解读' : '文件',
    indexNumber: row.index_number,
    title: row.title,
    orgName: row.org_name,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    disclosureLabel: DISCLOSURE_LABELS[row.disclosure],
    dueOn: row.due_on ?? '',
    updatedAt: formatInstant(row.updated_at),
  };
}

export interface DocumentDetail {
  id: number;
  kind: DocumentRow['kind'];
  orgId: number;
  orgName: string;
  indexNumber: string;
  title: string;
  summary: string;
  writtenOn: string;
  formedOn: string;
  dueOn: string;
  issuers: string;
  docNumber: string;
  topic: string;
  genre: string;
  keywords: string;
  disclosure: DocumentRow['disclosure'];
  disclosureLabel: string;
  withheldReason: string;
  withheldBasis: string;
  disclosureMethod: string;
  catalog: string;
  isPolicy: boolean;
  isPenaltyDecision: boolean;
  interpretationWaiver: string;
  interpForm: string;
  interpUnit: string;
  interpPerson: string;
  status: DocumentRow['status'];
  statusLabel: string;
  validityLabel: string;
  validityNote: string;
  publishedAt: string;
  scheduledAt: string;
  returnReason: string;
  publicNotice: string;
  version: number;
  /** sanitised on save by sanitize.ts */
  bodyHtml: string;
}

/** The detail page's view model. */
export function presentDetail(
  row: DocumentRow,
  names: { org: string; topic: string; genre: string; catalog: string },
): DocumentDetail {
  return {
    id: row.id,
    kind: row.kind,
    orgId: row.org_id,
    orgName: names.org,
    indexNumber: row.index_number,
    title: row.title,
    summary: row.summary ?? '',
    writtenOn: row.written_on ?? '',
    formedOn: row.formed_on ?? '',
    dueOn: row.due_on ?? '',
    issuers: issuersOf(row).join('、'),
    docNumber: row.doc_number ?? '',
    topic: names.topic,
    genre: names.genre,
    keywords: row.keywords ?? '',
    disclosure: row.disclosure,
    disclosureLabel: DISCLOSURE_LABELS[row.disclosure],
    withheldReason: row.withheld_reason ? `${WITHHELD_REASONS[row.withheld_reason as WithheldReason]?.label ?? row.withheld_reason}（条例${WITHHELD_REASONS[row.withheld_reason as WithheldReason]?.article ?? ''}）` : '',
    withheldBasis: row.withheld_basis ?? '',
    disclosureMethod: row.disclosure_method ?? '',
    catalog: names.catalog,
    isPolicy: row.is_policy === 1,
    isPenaltyDecision: row.is_penalty_decision === 1,
    interpretationWaiver: row.interpretation_waiver ?? '',
    interpForm: row.interp_form ? (INTERPRETATION_FORMS[row.interp_form as InterpretationForm] ?? row.interp_form) : '',
    interpUnit: row.interp_unit ?? '',
    interpPerson: row.interp_person ?? '',
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    validityLabel: VALIDITY_LABELS[row.validity],
    validityNote: row.validity_note ?? '',
    publishedAt: formatInstant(row.published_at),
    scheduledAt: formatInstant(row.scheduled_at),
    returnReason: row.return_reason ?? '',
    publicNotice: row.public_notice ?? '',
    version: row.version,
    bodyHtml: row.body_html,
  };
}
