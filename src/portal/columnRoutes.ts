/**
 * The 政府信息公开专栏 pages: the district column (/zwgk), each unit's column and its four parts, the district-wide
 * 法定主动公开内容, the 政策文件库 (/zcwj) and 政策解读 (/zcjd). All read only public data and are cached.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { VALIDITY_LABELS } from '../documents/model.ts';
import { listPublicOrganizations } from '../organizations/repository.ts';
import type { PublicOrganization } from '../organizations/present.ts';
import { errors } from '../platform/errors.ts';
import type { PageContext } from '../platform/page.ts';
import { todayInShanghai } from '../platform/time.ts';
import { inPublicOrder } from '../site/present.ts';
import { sendPublicPage, type RenderedView } from './http.ts';
import { pagerOf, presentListItem, shanghaiDate } from './present.ts';
import { countByCategory, listPublic, publicIssuers, publicYears, type PublicFilter, type PublicSort } from './repository.ts';
import { loadVocab } from './referenceData.ts';
import { PAGE_SIZE, parseBrowseQuery, type BrowseQuery } from './schemas.ts';
import { findPublicOrg, loadGuideTexts } from './service.ts';
import { BrowsePage, type BrowseView, type Option } from './views/browsePage.tsx';
import { DistrictColumnPage } from './views/districtColumnPage.tsx';
import { InterpretationsPage, PolicyLibraryPage } from './views/libraryPages.tsx';
import { columnHref } from './views/parts.tsx';
import { AnnualReportsPage, GuidePage, RulesPage } from './views/textPages.tsx';
import { UnitColumnPage } from './views/unitColumnPage.tsx';

type Executor = Kysely<Database>;

const SORT_OPTIONS: Array<{ value: PublicSort; label: string }> = [
  { value: 'published_desc', label: '发布日期（新→旧）' },
  { value: 'published_asc', label: '发布日期（旧→新）' },
  { value: 'written_desc', label: '成文日期（新→旧）' },
  { value: 'written_asc', label: '成文日期（旧→新）' },
];

const VALIDITY_OPTIONS: Option[] = Object.entries(VALIDITY_LABELS).map(([value, label]) => ({ value, label }));

function filterOf(q: BrowseQuery, orgId: number | undefined): PublicFilter {
  return {
    orgId,
    category: q.category || undefined,
    topic: q.topic || undefined,
    issuer: q.issuer || undefined,
    year: q.year ? Number(q.year) : undefined,
    validity: (q.validity || undefined) as PublicFilter['validity'],
  };
}

/** The browse page's data for the district (org null) or one unit. */
async function browseView(db: Executor, org: PublicOrganization | null, q: BrowseQuery): Promise<BrowseView> {
  const orgId = org?.id;
  const [vocab, counts, issuers, years, list] = await Promise.all([
    loadVocab(db),
    countByCategory(db, orgId),
    publicIssuers(db, orgId),
    publicYears(db, orgId),
    listPublic(db, filterOf(q, orgId), { page: q.page, pageSize: PAGE_SIZE, sort: q.sort }),
  ]);
  const base = org ? columnHref(org.code, 'fdzdgknr') : '/zwgk/fdzdgknr';
  return {
    base,
    feedBase: org ? `${columnHref(org.code)}/feed.atom` : '/zwgk/feed.atom',
    org,
    categories: vocab.categories.map((c) => ({ ...c, count: counts.get(c.code) ?? 0 })),
    totalAll: [...counts.values()].reduce((a, b) => a + b, 0),
    filter: { category: q.category, topic: q.topic, issuer: q.issuer, year: q.year, validity: q.validity, sort: q.sort },
    topics: vocab.topics.map((t) => ({ value: t.code, label: t.label })),
    issuers: issuers.map((n) => ({ value: n, label: n })),
    years: years.map((y) => ({ value: String(y), label: `${y}年` })),
    validities: VALIDITY_OPTIONS,
    sorts: SORT_OPTIONS,
    items: list.rows.map(presentListItem),
    pager: pagerOf(q.page, PAGE_SIZE, list.total),
  };
}

/** When the next annual report is due (条例第四十九条: departments by 31 January, the district government by 31 March). */
export function nextReportText(org: PublicOrganization, today = todayInShanghai()): string {
  const deadline = org.kind === 'government' ? '03-31' : '01-31';
  const year = Number(today.slice(0, 4));
  const dueYear = today.slice(5) <= deadline ? year : year + 1;
  const [m, d] = deadline.split('-').map(Number);
  return `${dueYear - 1}年度政府信息公开工作年度报告将于${dueYear}年${m}月${d}日前发布。`;
}

/** Register the column pages. */
export function columnRoutes(app: FastifyInstance, db: Executor): void {
  /** A unit's page: the unit is looked up inside the cached render, so a cache hit touches no database. */
  function unitPage(render: (ctx: PageContext, org: PublicOrganization, request: FastifyRequest) => Promise<RenderedView>) {
    return (request: FastifyRequest, reply: FastifyReply) =>
      sendPublicPage(request, reply, async (ctx) => {
        const org = await findPublicOrg(db, (request.params as { orgCode: string }).orgCode);
        if (!org) throw errors.notFound('单位');
        return render(ctx, org, request);
      });
  }

  app.get('/zwgk', (request, reply) =>
    sendPublicPage(request, reply, async (ctx) => {
      const [orgs, latest] = await Promise.all([
        listPublicOrganizations(db),
        listPublic(db, {}, { page: 1, pageSize: 10 }),
      ]);
      const ordered = inPublicOrder(orgs);
      const government = ordered.find((o) => o.kind === 'government') ?? null;
      return { view: DistrictColumnPage({ ctx, view: { government, orgs: ordered, latest: latest.rows.map(presentListItem) } }) };
    }),
  );

  app.get('/zwgk/fdzdgknr', (request, reply) =>
    sendPublicPage(request, reply, async (ctx) => ({
      view: BrowsePage({ ctx, view: await browseView(db, null, parseBrowseQuery(request.query)) }),
    })),
  );

  app.get('/zwgk/:orgCode', unitPage(async (ctx, org) => {
    const list = await listPublic(db, { orgId: org.id }, { page: 1, pageSize: 10 });
    return { view: UnitColumnPage({ ctx, view: { org, latest: list.rows.map(presentListItem), total: list.total } }) };
  }));

  app.get('/zwgk/:orgCode/guide', unitPage(async (ctx, org) => {
    const texts = await loadGuideTexts(db, org.id);
    return { view: GuidePage({ ctx, view: { org, guideText: texts.guideText, updatedOn: shanghaiDate(texts.guideUpdatedAt) } }) };
  }));

  app.get('/zwgk/:orgCode/rules', unitPage(async (ctx, org) => {
    const texts = await loadGuideTexts(db, org.id);
    return { view: RulesPage({ ctx, view: { org, rulesText: texts.rulesText, updatedOn: shanghaiDate(texts.rulesUpdatedAt) } }) };
  }));

  app.get('/zwgk/:orgCode/fdzdgknr', unitPage(async (ctx, org, request) => ({
    view: BrowsePage({ ctx, view: await browseView(db, org, parseBrowseQuery(request.query)) }),
  })));

  app.get('/zwgk/:orgCode/annual-reports', unitPage(async (ctx, org) => ({
    view: AnnualReportsPage({ ctx, view: { org, nextReport: nextReportText(org) } }),
  })));

  app.get('/zcwj', (request, reply) =>
    sendPublicPage(request, reply, async (ctx) => {
      const q = parseBrowseQuery(request.query);
      const orgs = inPublicOrder(await listPublicOrganizations(db));
      const org = q.org ? orgs.find((o) => o.code === q.org) : undefined;
      const filter: PublicFilter = {
        ...filterOf({ ...q, category: '' }, q.org ? (org?.id ?? 0) : undefined),
        policiesOnly: true,
        title: q.q || undefined,
        docNumber: q.docNumber || undefined,
      };
      const [vocab, issuers, years, list] = await Promise.all([
        loadVocab(db),
        publicIssuers(db, undefined),
        publicYears(db, undefined),
        listPublic(db, filter, { page: q.page, pageSize: PAGE_SIZE, sort: q.sort }),
      ]);
      const view = {
        filter: { q: q.q, issuer: q.issuer, docNumber: q.docNumber, year: q.year, validity: q.validity, topic: q.topic, org: org ? org.code : '', sort: q.sort },
        issuers: issuers.map((n) => ({ value: n, label: n })),
        years: years.map((y) => ({ value: String(y), label: `${y}年` })),
        validities: VALIDITY_OPTIONS,
        topics: vocab.topics.map((t) => ({ value: t.code, label: t.label })),
        orgs: orgs.map((o) => ({ value: o.code, label: o.name })),
        sorts: SORT_OPTIONS,
        items: list.rows.map(presentListItem),
        pager: pagerOf(q.page, PAGE_SIZE, list.total),
      };
      return { view: PolicyLibraryPage({ ctx, view }) };
    }),
  );

  app.get('/zcjd', (request, reply) =>
    sendPublicPage(request, reply, async (ctx) => {
      const q = parseBrowseQuery(request.query);
      const orgs = inPublicOrder(await listPublicOrganizations(db));
      const org = q.org ? orgs.find((o) => o.code === q.org) : undefined;
      const list = await listPublic(
        db,
        { kind: 'interpretation', orgId: q.org ? (org?.id ?? 0) : undefined, title: q.q || undefined },
        { page: q.page, pageSize: PAGE_SIZE },
      );
      const view = {
        filter: { q: q.q, org: org ? org.code : '' },
        orgs: orgs.map((o) => ({ value: o.code, label: o.name })),
        items: list.rows.map(presentListItem),
        pager: pagerOf(q.page, PAGE_SIZE, list.total),
      };
      return { view: InterpretationsPage({ ctx, view }) };
    }),
  );
}
