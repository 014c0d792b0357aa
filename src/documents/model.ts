/** The vocabulary of government information (DOMAIN.md §2): disclosure attributes, reasons, validity, workflow states. */
import type { Disclosure, DocumentStatus, Validity } from '../db/schema.ts';

export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

/** Reasons for 不予公开, each with the article of the 条例 it rests on (条例第十四条至第十六条). */
export const WITHHELD_REASONS = {
  state_secret: { label: '属于国家秘密', article: '第十四条' },
  law_prohibited: { label: '法律、行政法规禁止公开', article: '第十四条' },
  security_stability: { label: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', article: '第十四条' },
  third_party: { label: '涉及商业秘密、个人隐私等第三方合法权益', article: '第十五条' },
  internal_affairs: { label: '属于内部事务信息', article: '第十六条第一款' },
  process_info: { label: '属于过程性信息', article: '第十六条第二款' },
  enforcement_file: { label: '属于行政执法案卷信息', article: '第十六条第二款' },
} as const;

export type WithheldReason = keyof typeof WITHHELD_REASONS;

export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: '有效',
  expired: '失效',
  repealed: '废止',
  revised: '已修订',
};

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  reviewed: '待签发',
  approved: '已签发',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
  taken_down: '已撤下',
};

/** 政策解读 forms (DOMAIN.md §2). */
export const INTERPRETATION_FORMS = {
  text: '文字',
  graphic: '图解',
  audio_video: '音视频',
  animation: '动漫',
  expert: '专家解读',
  press_conference: '新闻发布会',
  qa: '问答',
  other: '其他',
} as const;

export type InterpretationForm = keyof typeof INTERPRETATION_FORMS;

/** 公开方式 channels (条例第二十三条 and the seeds). */
export const DISCLOSURE_METHODS = [
  '政府网站',
  '政府公报',
  '政务新媒体',
  '新闻发布会',
  '报刊广播电视',
  '公开查阅点',
  '公示栏',
  '电子屏',
  '12345热线',
] as const;

/** 条例第二十六条: proactive information is published within 20 working days of being formed or changed. */
export const DEFAULT_PUBLICATION_WORKING_DAYS = 20;
/** Interpretations follow their policy within 3 working days (DOMAIN.md §2, 政策解读 practice). */
export const INTERPRETATION_WORKING_DAYS = 3;
/** 行政处罚法第四十八条 with 第八十五条: a revoked penalty decision is withdrawn within 3 working days. */
export const PENALTY_TAKEDOWN_WORKING_DAYS = 3;
/** 条例第十八条: withheld items are re-reviewed periodically; every 12 months here. */
export const WITHHELD_REVIEW_MONTHS = 12;

/** Longest body, in characters (UTF-16 code units, as the form counts them); longer texts belong in an attachment. */
export const MAX_BODY_CHARS = 500_000;
/**
 * The request size the document forms accept: the longest body as a browser encodes it (a Chinese character is
 * `%E4%B8%AD`, 9 bytes) plus room for every other field. The form limit must agree with the schema, or a long text
 * is refused before it is read and what was typed is lost.
 */
export const DOCUMENT_FORM_BYTES = MAX_BODY_CHARS * 9 + 512 * 1024;
