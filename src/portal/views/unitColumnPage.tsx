/** /zwgk/:orgCode — a unit's 政府信息公开专栏 with its four parts (DOMAIN.md §2), latest items and office details. */
import type { PageContext } from '../../platform/page.ts';
import type { PublicOrganization } from '../../organizations/present.ts';
import { OfficeDetails } from '../../site/views/officeDetails.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import type { DocListItem } from '../present.ts';
import { Breadcrumbs, columnHref, ColumnNav, DocumentTable } from './parts.tsx';

export interface UnitColumnView {
  org: PublicOrganization;
  latest: DocListItem[];
  total: number;
}

/** A unit's column page. */
export function UnitColumnPage({ ctx, view }: { ctx: PageContext; view: UnitColumnView }) {
  const { org } = view;
  const title = `${org.name}政府信息公开专栏`;
  return (
    <PublicLayout ctx={ctx} title={title}>
      <Breadcrumbs items={[{ href: '/zwgk', label: '政府信息公开' }, { label: org.name }]} />
      <h1>{title}</h1>
      <ColumnNav code={org.code} name={org.name} current="home" />
      <div class="column-home">
        <section class="panel" aria-labelledby="guide-title" data-testid="part-guide">
          <h2 id="guide-title"><a href={columnHref(org.code, 'guide')}>政府信息公开指南</a></h2>
          <p>政府信息的分类、编排体系、获取方式，以及政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和电子邮箱（《条例》第十二条）。</p>
        </section>
        <section class="panel" aria-labelledby="rules-title" data-testid="part-rules">
          <h2 id="rules-title"><a href={columnHref(org.code, 'rules')}>政府信息公开制度</a></h2>
          <p>本单位政府信息公开工作的制度和工作规范。</p>
        </section>
        <section class="panel" aria-labelledby="proactive-title" data-testid="part-fdzdgknr">
          <h2 id="proactive-title"><a href={columnHref(org.code, 'fdzdgknr')}>法定主动公开内容</a></h2>
          <p>依据《条例》第二十条、第二十一条主动公开的政府信息，共 {view.total} 条。</p>
          <DocumentTable items={view.latest} caption="最新主动公开的政府信息" />
          <p>
            <a href={`${columnHref(org.code)}/feed.atom`} type="application/atom+xml">订阅（Atom）</a>
            {' · '}
            <a href={`${columnHref(org.code)}/feed.rss`} type="application/rss+xml">订阅（RSS）</a>
          </p>
        </section>
        <section class="panel" aria-labelledby="annual-title" data-testid="part-annual-reports">
          <h2 id="annual-title"><a href={columnHref(org.code, 'annual-reports')}>政府信息公开年报</a></h2>
          <p>本单位历年政府信息公开工作年度报告。</p>
        </section>
      </div>
      <section class="panel" aria-labelledby="office-title">
        <h2 id="office-title">政府信息公开工作机构</h2>
        <OfficeDetails org={org} testId="office-details" />
      </section>
    </PublicLayout>
  );
}
