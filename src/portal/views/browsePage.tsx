/**
 * 法定主动公开内容: browse public items by the 条例第二十条/第二十一条 categories (left, with counts), topic, issuer, year
 * and validity, sorted by 发布日期 or 成文日期. Every choice is a GET parameter, so it works without JavaScript.
 */
import type { PageContext } from '../../platform/page.ts';
import type { PublicOrganization } from '../../organizations/present.ts';
import { SelectField } from '../../views/components.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import { queryString, type DocListItem, type Pager } from '../present.ts';
import { Breadcrumbs, columnHref, ColumnNav, DocumentTable, Pagination, type Crumb } from './parts.tsx';

export interface BrowseFilter {
  category: string;
  topic: string;
  issuer: string;
  year: string;
  validity: string;
  sort: string;
}

export interface Option {
  value: string;
  label: string;
}

export interface BrowseView {
  /** the page's own address, without query */
  base: string;
  /** the feed for this scope, without query */
  feedBase: string;
  org: PublicOrganization | null;
  categories: Array<{ code: string; label: string; article: string; count: number }>;
  totalAll: number;
  filter: BrowseFilter;
  topics: Option[];
  issuers: Option[];
  years: Option[];
  validities: Option[];
  sorts: Option[];
  items: DocListItem[];
  pager: Pager;
}

function hrefWith(view: BrowseView, change: Partial<BrowseFilter> & { page?: number }): string {
  const f = { ...view.filter, ...change };
  return view.base + queryString({ ...f, sort: f.sort === 'published_desc' ? '' : f.sort, page: change.page && change.page > 1 ? change.page : undefined });
}

function CategoryList({ view }: { view: BrowseView }) {
  return (
    <nav class="category-nav" aria-label="按公开类别浏览" data-testid="category-nav">
      <h2>公开类别</h2>
      <ul>
        <li>
          <a href={hrefWith(view, { category: '' })} aria-current={view.filter.category === '' ? 'page' : undefined}>
            全部<span class="count">（{view.totalAll}）</span>
          </a>
        </li>
        {view.categories.map((c) => (
          <li key={c.code}>
            <a
              href={hrefWith(view, { category: c.code })}
              aria-current={view.filter.category === c.code ? 'page' : undefined}
              title={c.article}
              data-testid={`category-${c.code}`}
            >
              {c.label}<span class="count">（{c.count}）</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** 法定主动公开内容 for the district or one unit. */
export function BrowsePage({ ctx, view }: { ctx: PageContext; view: BrowseView }) {
  const scope = view.org ? view.org.name : ctx.site.name;
  const category = view.categories.find((c) => c.code === view.filter.category);
  const crumbs: Crumb[] = [{ href: '/zwgk', label: '政府信息公开' }];
  if (view.org) crumbs.push({ href: columnHref(view.org.code), label: view.org.name });
  crumbs.push({ label: '法定主动公开内容' });
  const feedHref = view.feedBase + queryString({ category: view.filter.category });
  return (
    <PublicLayout ctx={ctx} title={`法定主动公开内容 - ${scope}`}>
      <Breadcrumbs items={crumbs} />
      {view.org ? <ColumnNav code={view.org.code} name={view.org.name} current="fdzdgknr" /> : null}
      <h1>{scope}法定主动公开内容</h1>
      <div class="browse">
        <CategoryList view={view} />
        <div class="browse-results">
          <form method="get" action={view.base} class="filters" aria-label="筛选" data-testid="browse-filters">
            {view.filter.category ? <input type="hidden" name="category" value={view.filter.category} /> : null}
            <SelectField name="topic" label="主题分类" value={view.filter.topic} placeholder="全部" options={view.topics} />
            <SelectField name="issuer" label="发文机关" value={view.filter.issuer} placeholder="全部" options={view.issuers} />
            <SelectField name="year" label="发布年份" value={view.filter.year} placeholder="全部" options={view.years} />
            <SelectField name="validity" label="有效性" value={view.filter.validity} placeholder="全部" options={view.validities} />
            <SelectField name="sort" label="排序" value={view.filter.sort} options={view.sorts} />
            <button type="submit" class="button">筛选</button>
          </form>
          <h2 class="result-heading">
            {category ? category.label : '全部类别'}
          </h2>
          <p class="result-count" data-testid="result-count" role="status">共 {view.pager.total} 条</p>
          <DocumentTable items={view.items} caption={`${category ? category.label : '法定主动公开内容'}列表`} showOrg={!view.org} showValidity />
          <Pagination pager={view.pager} href={(page) => hrefWith(view, { page })} />
          <p class="feeds">
            <a href={feedHref} type="application/atom+xml" data-testid="feed-link">订阅本栏目（Atom）</a>
          </p>
        </div>
      </div>
    </PublicLayout>
  );
}
