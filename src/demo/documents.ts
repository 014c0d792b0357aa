/**
 * Demo government information for the demo district: published policies with their interpretations, plans,
 * budgets, a recruitment notice, a penalty decision and an emergency plan, plus items in every other state so each
 * role has something to work on. All text is invented for the demo.
 */
import type { Transaction } from 'kysely';
import { appendAudit, type Actor } from '../audit/repository.ts';
import type { Database, NewDocument } from '../db/schema.ts';
import { DEFAULT_INDEX_FORMAT, nextIndexNumber } from '../documents/indexNumber.ts';
import { insertDocument } from '../documents/repository.ts';
import { htmlToText } from '../documents/sanitize.ts';
import { loadWorkingCalendar } from '../calendar/repository.ts';
import { DEFAULT_PUBLICATION_WORKING_DAYS } from '../documents/model.ts';

interface DemoDocument {
  ref: string;
  org: string;
  kind?: 'document' | 'interpretation';
  title: string;
  summary: string;
  docNumber?: string;
  issuers?: string[];
  /** Shanghai date of publication (and formation) */
  date: string;
  topic: string;
  genre?: string;
  catalog: string | null;
  isPolicy?: boolean;
  isPenalty?: boolean;
  disclosure?: NewDocument['disclosure'];
  status?: NewDocument['status'];
  withheldReason?: string;
  interpForm?: string;
  interpUnit?: string;
  interpOf?: string[];
  body: string[];
}

const DOCS: DemoDocument[] = [
  {
    ref: 'yshj', org: 'SFQ', title: '示范区人民政府关于进一步优化营商环境的若干措施', docNumber: '示政发〔2026〕3号',
    issuers: ['示范区人民政府'], date: '2026-03-16', topic: 'T03', genre: 'G06', catalog: 'art20_01', isPolicy: true,
    summary: '从政务服务、市场准入、要素保障、法治环境四个方面提出二十条措施。',
    body: [
      '各街道办事处、镇人民政府，区政府各委、办、局：',
      '为深入贯彻《优化营商环境条例》，持续打造市场化、法治化、国际化一流营商环境，结合本区实际，制定以下措施。',
      '一、提升政务服务效能。全面推行“一网通办”，企业开办时间压缩至1个工作日以内；涉企审批事项实行告知承诺制。',
      '二、降低市场准入门槛。清理规范涉企收费，全面落实公平竞争审查制度。',
      '三、强化要素保障。设立中小企业发展专项资金，对符合条件的企业给予贷款贴息支持。',
      '四、优化法治环境。推行包容审慎监管，对轻微违法行为依法不予行政处罚。',
      '本措施自印发之日起施行，有效期三年。',
    ],
  },
  {
    ref: 'yshj-tj', org: 'SFQ', kind: 'interpretation', title: '图解：《示范区人民政府关于进一步优化营商环境的若干措施》',
    date: '2026-03-17', topic: 'T03', catalog: 'art20_01', interpForm: 'graphic', interpUnit: '示范区发展和改革委员会', interpOf: ['yshj'],
    summary: '一图读懂优化营商环境二十条措施。',
    body: ['一图读懂：二十条措施分四个方面——政务服务、市场准入、要素保障、法治环境。', '企业开办1个工作日办结；涉企收费清单之外一律不得收费。'],
  },
  {
    ref: 'yshj-wz', org: 'SFQ', kind: 'interpretation', interpUnit: '示范区发展和改革委员会', title: '关于《示范区人民政府关于进一步优化营商环境的若干措施》的政策解读',
    date: '2026-03-18', topic: 'T03', catalog: 'art20_01', interpForm: 'text', interpOf: ['yshj'],
    summary: '区发展改革委对优化营商环境措施的起草背景、主要内容和适用对象进行解读。',
    body: ['一、起草背景：为落实《优化营商环境条例》，区发展改革委牵头起草了本措施。', '二、主要内容：共四个方面二十条。', '三、适用对象：在本区登记注册的各类市场主体。'],
  },
  {
    ref: 'jh', org: 'FGW', title: '示范区2026年国民经济和社会发展计划', date: '2026-02-10', topic: 'T03', genre: 'G16',
    catalog: 'art20_03', issuers: ['示范区发展和改革委员会'], summary: '2026年全区经济社会发展的主要预期目标和重点任务。',
    body: ['2026年全区地区生产总值预期增长5.5%左右，一般公共预算收入增长4%。', '重点任务：推动产业升级、扩大有效投资、保障和改善民生。'],
  },
  {
    ref: 'ys', org: 'CZJ', title: '示范区2026年区级部门预算公开说明', date: '2026-02-20', topic: 'T04', genre: 'G24',
    catalog: 'art20_07', issuers: ['示范区财政局'], summary: '2026年区级一般公共预算、政府性基金预算和“三公”经费安排情况。',
    body: ['2026年区级一般公共预算支出安排85.6亿元。', '“三公”经费预算0.32亿元，比上年下降3.1%。'],
  },
  {
    ref: 'zp', org: 'RSJ', title: '示范区2026年公开招聘社区工作者公告', date: '2026-04-08', topic: 'T15', genre: 'G04',
    catalog: 'art20_14', issuers: ['示范区人力资源和社会保障局'], summary: '面向社会公开招聘社区工作者120名的岗位、条件和报名办法。',
    body: ['招聘名额：120名。', '报名条件：具有本市户籍，大专及以上学历，年龄35周岁以下。', '报名时间：2026年4月15日至4月24日。咨询电话：010-61004444。'],
  },
  {
    ref: 'cf', org: 'SCJ', title: '行政处罚决定书（示市监处罚〔2026〕12号）', docNumber: '示市监处罚〔2026〕12号', date: '2026-05-12',
    topic: 'T09', genre: 'G01', catalog: 'art20_06', isPenalty: true, issuers: ['示范区市场监督管理局'],
    summary: '对某食品经营企业经营超过保质期食品的行政处罚决定。',
    body: ['当事人：示范区某某食品经营有限公司。', '违法事实：经营超过保质期的食品。', '处罚依据：《中华人民共和国食品安全法》第一百二十四条。', '处罚决定：没收违法所得，并处罚款人民币五万元。'],
  },
  {
    ref: 'db', org: 'MZJ', title: '关于调整示范区城乡居民最低生活保障标准的通知', docNumber: '示民发〔2026〕8号', date: '2026-06-30',
    topic: 'T17', genre: 'G07', catalog: 'art20_11', isPolicy: true, issuers: ['示范区民政局', '示范区财政局'],
    summary: '自2026年7月1日起，城乡居民最低生活保障标准由每人每月1395元调整为1450元。',
    body: ['各街道办事处、镇人民政府：', '经区政府同意，自2026年7月1日起，本区城乡居民最低生活保障标准由每人每月1395元调整为1450元。', '各单位要做好调标后的资金发放工作，确保按时足额发放。'],
  },
  {
    ref: 'db-wd', org: 'MZJ', kind: 'interpretation', title: '低保标准调整政策问答', date: '2026-07-01', topic: 'T17',
    catalog: 'art20_11', interpForm: 'qa', interpUnit: '示范区民政局', interpOf: ['db'], summary: '就低保标准调整的常见问题进行解答。',
    body: ['问：新标准从什么时候开始执行？', '答：自2026年7月1日起执行。', '问：已享受低保的家庭需要重新申请吗？', '答：不需要，由街道（镇）按新标准自动调整。'],
  },
  {
    ref: 'ya', org: 'YJJ', title: '示范区突发事件总体应急预案', docNumber: '示政办发〔2026〕5号', date: '2026-09-10', topic: 'T09', genre: 'G17',
    catalog: 'art20_12', issuers: ['示范区人民政府办公室'], summary: '规范全区突发事件应对工作的总体预案。',
    body: ['本预案适用于本区行政区域内突发事件的预防与应急准备、监测与预警、应急处置与救援、事后恢复与重建等工作。'],
  },
  {
    ref: 'ysq', org: 'FGW', title: '示范区某产业园区项目核准材料', date: '2026-08-01', topic: 'T03', catalog: null, disclosure: 'on_request',
    status: 'approved', summary: '项目核准过程中形成的申报材料。', body: ['项目申报材料（依申请公开）。'],
  },
  {
    ref: 'bygk', org: 'FGW', title: '区发展改革委2026年内部工作流程规范', date: '2026-08-15', topic: 'T02', catalog: null, disclosure: 'withheld',
    status: 'approved', withheldReason: 'internal_affairs', summary: '机关内部工作流程。', body: ['机关内部事务信息，不予公开。'],
  },
  {
    ref: 'draft', org: 'FGW', title: '示范区关于支持数字经济高质量发展的若干措施（送审稿）', date: '2026-11-16', topic: 'T07', genre: 'G06',
    catalog: 'art20_01', isPolicy: true, status: 'submitted', issuers: ['示范区发展和改革委员会'],
    summary: '支持数字经济发展的十五条措施（送审稿）。', body: ['第一条 为促进数字经济高质量发展，制定本措施。'],
  },
];

/** Insert the demo documents for organizations already seeded (code → id) and staff (username → id). */
export async function seedDemoDocuments(
  trx: Transaction<Database>,
  orgs: Map<string, { id: number; code: string }>,
  staff: Map<string, number>,
  actor: Actor,
): Promise<void> {
  const ids = new Map<string, number>();
  const calendar = await loadWorkingCalendar(trx);
  for (const d of DOCS) {
    const org = orgs.get(d.org)!;
    const published = (d.status ?? 'published') === 'published';
    const at = new Date(`${d.date}T09:30:00+08:00`).toISOString();
    const html = d.body.map((p) => `<p>${p}</p>`).join('');
    const id = await insertDocument(trx, {
      org_id: org.id,
      kind: d.kind ?? 'document',
      index_number: await nextIndexNumber(trx, org, Number(d.date.slice(0, 4)), DEFAULT_INDEX_FORMAT),
      title: d.title,
      summary: d.summary,
      written_on: d.kind === 'interpretation' ? null : d.date,
      issuers_json: JSON.stringify(d.issuers ?? []),
      doc_number: d.docNumber ?? null,
      published_at: published ? at : null,
      topic_code: d.topic,
      genre_code: d.genre ?? null,
      validity: 'valid',
      keywords: null,
      disclosure: d.disclosure ?? 'proactive',
      withheld_reason: d.withheldReason ?? null,
      withheld_basis: d.withheldReason ? '《中华人民共和国政府信息公开条例》第十六条第一款' : null,
      next_review_on: d.withheldReason ? '2027-08-15' : null,
      disclosure_method: (d.disclosure ?? 'proactive') === 'proactive' ? '政府网站' : null,
      catalog_code: d.catalog,
      is_policy: d.isPolicy ? 1 : 0,
      is_penalty_decision: d.isPenalty ? 1 : 0,
      interp_form: d.interpForm ?? null,
      interp_unit: d.interpUnit ?? null,
      interp_person: null,
      body_html: html,
      body_text: htmlToText(html),
      status: d.status ?? 'published',
      formed_on: d.date,
      // 条例第二十六条: due 20 working days after the information was formed.
      due_on: (d.disclosure ?? 'proactive') === 'proactive' ? calendar.addWorkingDays(d.date, DEFAULT_PUBLICATION_WORKING_DAYS) : null,
      version: 1,
      created_by: staff.get('fgw_editor') ?? null,
      submitted_by: d.status === 'submitted' ? (staff.get('fgw_editor') ?? null) : null,
      source: 'demo',
      created_at: at,
      updated_at: at,
    });
    ids.set(d.ref, id);
    if (d.interpOf) {
      for (const ref of d.interpOf) await trx.insertInto('interpretation_links').values({ interpretation_id: id, policy_id: ids.get(ref)! }).execute();
    }
  }
  await appendAudit(trx, actor, {
    action: 'document.imported',
    entityType: 'import',
    after: { source: 'demo', documents: DOCS.length },
  });
}
