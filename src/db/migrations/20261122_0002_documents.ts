/**
 * Government information (政府信息): documents and policy interpretations, their versions, attachments, links,
 * privacy decisions, the configurable vocabularies (主题分类, 体裁, the art. 20–21 catalog categories) and the
 * per-organization 索引号 sequences. Frozen; imports no app code.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const TOPICS = [
  '国务院组织机构', '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利',
  '工业、交通', '商贸、海关、旅游', '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育', '文化、广电、新闻出版',
  '卫生、体育', '人口与计划生育、妇女儿童工作', '劳动、人事、监察', '公安、安全、司法', '民政、扶贫、救灾', '民族、宗教',
  '对外事务', '港澳台侨工作', '国防', '其他',
];

const GENRES = [
  '决定', '命令（令）', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要',
  '规划', '计划', '方案', '办法', '规定', '规则', '细则', '实施意见', '答复', '其他',
];

/** 条例第二十条 (1)–(15) and 第二十一条 (district governments and their departments). */
const CATALOG: Array<[string, string, string]> = [
  ['art20_01', '第二十条第（一）项', '行政法规、规章和规范性文件'],
  ['art20_02', '第二十条第（二）项', '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名'],
  ['art20_03', '第二十条第（三）项', '国民经济和社会发展规划、专项规划、区域规划及相关政策'],
  ['art20_04', '第二十条第（四）项', '国民经济和社会发展统计信息'],
  ['art20_05', '第二十条第（五）项', '行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'],
  ['art20_06', '第二十条第（六）项', '行政处罚、行政强制的依据、条件、程序以及行政处罚决定'],
  ['art20_07', '第二十条第（七）项', '财政预算、决算信息'],
  ['art20_08', '第二十条第（八）项', '行政事业性收费项目及其依据、标准'],
  ['art20_09', '第二十条第（九）项', '政府集中采购项目的目录、标准及实施情况'],
  ['art20_10', '第二十条第（十）项', '重大建设项目的批准和实施情况'],
  ['art20_11', '第二十条第（十一）项', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'],
  ['art20_12', '第二十条第（十二）项', '突发公共事件的应急预案、预警信息及应对情况'],
  ['art20_13', '第二十条第（十三）项', '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'],
  ['art20_14', '第二十条第（十四）项', '公务员招考的职位、名额、报考条件等事项以及录用结果'],
  ['art20_15', '第二十条第（十五）项', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'],
  ['art21_01', '第二十一条', '市政建设'],
  ['art21_02', '第二十一条', '公共服务'],
  ['art21_03', '第二十一条', '公益事业'],
  ['art21_04', '第二十一条', '土地征收'],
  ['art21_05', '第二十一条', '房屋征收'],
  ['art21_06', '第二十一条', '治安管理'],
  ['art21_07', '第二十一条', '社会救助'],
];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('vocabularies')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('vocabularies_kind_code', ['kind', 'code'])
    .addCheckConstraint('vocabularies_kind_check', sql`kind in ('topic', 'genre')`)
    .execute();
  await db
    .insertInto('vocabularies')
    .values([
      ...TOPICS.map((label, i) => ({ kind: 'topic', code: `T${String(i + 1).padStart(2, '0')}`, label, sort_order: i, active: 1 })),
      ...GENRES.map((label, i) => ({ kind: 'genre', code: `G${String(i + 1).padStart(2, '0')}`, label, sort_order: i, active: 1 })),
    ])
    .execute();

  await db.schema
    .createTable('catalog_categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('article', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    // 条例第二十六条: 20 working days unless a law or the catalog row sets a shorter limit.
    .addColumn('deadline_working_days', 'integer', (c) => c.notNull().defaultTo(20))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto('catalog_categories')
    .values(CATALOG.map(([code, article, label], i) => ({ code, article, label, deadline_working_days: 20, sort_order: i, active: 1 })))
    .execute();

  await db.schema
    .createTable('index_sequences')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_sequences_pk', ['org_id', 'year'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('index_number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('written_on', 'text')
    .addColumn('issuers_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('doc_number', 'text')
    .addColumn('published_at', 'text')
    .addColumn('topic_code', 'text')
    .addColumn('genre_code', 'text')
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo('valid'))
    .addColumn('validity_note', 'text')
    .addColumn('replaced_by_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('keywords', 'text')
    .addColumn('disclosure', 'text', (c) => c.notNull())
    .addColumn('withheld_reason', 'text')
    .addColumn('withheld_basis', 'text')
    .addColumn('next_review_on', 'text')
    .addColumn('disclosure_method', 'text')
    .addColumn('catalog_code', 'text', (c) => c.references('catalog_categories.code'))
    .addColumn('is_policy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_penalty_decision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('interpretation_waiver', 'text')
    .addColumn('interp_form', 'text')
    .addColumn('interp_unit', 'text')
    .addColumn('interp_person', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('formed_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('return_reason', 'text')
    .addColumn('public_notice', 'text')
    .addColumn('takedown_due_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('submitted_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('reviewed_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('source', 'text')
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('documents_kind_check', sql`kind in ('document', 'interpretation')`)
    .addCheckConstraint('documents_disclosure_check', sql`disclosure in ('proactive', 'on_request', 'withheld')`)
    .addCheckConstraint('documents_validity_check', sql`validity in ('valid', 'expired', 'repealed', 'revised')`)
    .addCheckConstraint(
      'documents_status_check',
      sql`status in ('draft', 'submitted', 'reviewed', 'approved', 'scheduled', 'published', 'withdrawn', 'taken_down')`,
    )
    .execute();
  await db.schema.createIndex('documents_public_idx').on('documents').columns(['status', 'disclosure', 'published_at']).execute();
  await db.schema.createIndex('documents_org_idx').on('documents').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('documents_catalog_idx').on('documents').columns(['catalog_code', 'published_at']).execute();
  await db.schema.createIndex('documents_due_idx').on('documents').columns(['due_on']).execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_versions_unique', ['document_id', 'version'])
    .execute();

  await db.schema
    .createTable('interpretation_links')
    .addColumn('interpretation_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addPrimaryKeyConstraint('interpretation_links_pk', ['interpretation_id', 'policy_id'])
    .execute();
  await db.schema.createIndex('interpretation_links_policy_idx').on('interpretation_links').column('policy_id').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('text_content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('html_content', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_document_idx').on('attachments').column('document_id').execute();

  await db.schema
    .createTable('privacy_decisions')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('masked_value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('privacy_decisions_unique', ['document_id', 'fingerprint'])
    .execute();

}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'privacy_decisions', 'attachments', 'interpretation_links', 'document_versions', 'documents',
    'index_sequences', 'catalog_categories', 'vocabularies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
