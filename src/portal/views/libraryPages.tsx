/**
 * 政策文件库 (/zcwj): policies and normative documents searchable by title, 发文机关, 发文字号, year, validity, topic and
 * unit; 政策解读 (/zcjd): the published interpretations. GET forms, so both work without JavaScript.
 */
import type { PageContext } from '../../platform/page.ts';
import { SelectField, TextField } from '../../views/components.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import { queryString, type DocListItem, type Pager } from '../present.ts';
import type { Option } from './browsePage.tsx';
import { Breadcrumbs, DocumentTable, Pagination } from './parts.tsx';

export interface LibraryFilter {
  q: string;
  issuer: string;
  docNumber: string;
  year: string;
  validity: string;
  topic: string;
  org: string;
  sort: string;
}

export interface LibraryView {
  filter: LibraryFilter;
  issuers: Option[];
  years: Option[];
  validities: Option[];
  topics: Option[];
  orgs: Option[];
  sorts: Option[];
  items: DocListItem[];
  pager: Pager;
}

function libraryHref(filter: LibraryFilter, page: number): string {
  return '/zcwj' + queryString({ ...filter, sort: filter.sort === 'published_desc' ? '' : filter.sort, page: page > 1 ? page : undefined });
}

/** 政策文件库 with its search form. */
export function PolicyLibraryPage({ ctx, view }: { ctx: PageContext; view: LibraryView }) {
  const f = view.filter;
  return (
    <PublicLayout ctx={ctx} title="政策文件">
      <Breadcrumbs items={[{ href: '/zwgk', label: '政府信息公开' }, { label: '政策文件' }]} />
      <h1>政策文件</h1>
      <p class="lead">行政规范性文件和其他政策文件。已废止、失效或修订的文件保留原页面并标注有效性。</p>
      <form method="get" action="/zcwj" class="filters" aria-label="检索政策文件" data-testid="library-filters">
        <TextField name="q" label="标题关键词" value={f.q} maxLength={60} />
        <TextField name="docNumber" label="发文字号" value={f.docNumber} maxLength={60} />
        <SelectField name="issuer" label="发文机关" value={f.issuer} placeholder="全部" options={view.issuers} />
        <SelectField name="org" label="发布单位" value={f.org} placeholder="全部" options={view.orgs} />
        <SelectField name="year" label="发布年份" value={f.year} placeholder="全部" options={view.years} />
        <SelectField name="validity" label="有效性" value={f.validity} placeholder="全部" options={view.validities} />
        <SelectField name="topic" label="主题分类" value={f.topic} placeholder="全部" options={view.topics} />
        <SelectField name="sort" label="排序" value={f.sort} options={view.sorts} />
        <button type="submit" class="button">检索</button>
      </form>
      <p class="result-count" data-testid="result-count" role="status">共 {view.pager.total} 条</p>
      <DocumentTable items={view.items} caption="政策文件列表" showOrg showValidity />
      <Pagination pager={view.pager} href={(page) => libraryHref(f, page)} />
    </PublicLayout>
  );
}

export interface InterpretationsView {
  filter: { q: string; org: string };
  orgs: Option[];
  items: DocListItem[];
  pager: Pager;
}

/** The list of published 政策解读. */
export function InterpretationsPage({ ctx, view }: { ctx: PageContext; view: InterpretationsView }) {
  const href = (page: number) => '/zcjd' + queryString({ ...view.filter, page: page > 1 ? page : undefined });
  return (
    <PublicLayout ctx={ctx} title="政策解读">
      <Breadcrumbs items={[{ href: '/zwgk', label: '政府信息公开' }, { label: '政策解读' }]} />
      <h1>政策解读</h1>
      <form method="get" action="/zcjd" class="filters" aria-label="检索政策解读" data-testid="interpretation-filters">
        <TextField name="q" label="标题关键词" value={view.filter.q} maxLength={60} />
        <SelectField name="org" label="发布单位" value={view.filter.org} placeholder="全部" options={view.orgs} />
        <button type="submit" class="button">检索</button>
      </form>
      <p class="result-count" data-testid="result-count" role="status">共 {view.pager.total} 条</p>
      {view.items.length === 0 ? (
        <p class="empty" data-testid="no-results">没有符合条件的政策解读。</p>
      ) : (
        <div class="table-wrap">
          <table class="doc-list" data-testid="document-list">
            <caption>政策解读列表</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">解读形式</th>
                <th scope="col">解读单位</th>
                <th scope="col">发布日期</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((d) => (
                <tr key={d.id} data-testid="document-row">
                  <td><a href={d.href}>{d.title}</a></td>
                  <td>{d.formLabel}</td>
                  <td>{d.interpUnit || d.orgName}</td>
                  <td>{d.publishedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination pager={view.pager} href={href} />
    </PublicLayout>
  );
}
