/** The portal home page: the four parts of the 政府信息公开专栏, the office's contact details, and the units. */
import type { PageContext } from '../../platform/page.ts';
import type { PublicOrganization } from '../../organizations/present.ts';
import { PublicLayout } from '../../views/layout.tsx';
import { groupOrganizations, orgAnchor } from '../present.ts';
import { OfficeDetails } from './officeDetails.tsx';

/** A published item listed on the home page. */
export interface HomeItem {
  id: number;
  title: string;
  date: string;
}

// The four parts every 政府信息公开专栏 has, pointing at the district government's own column.
function entries(code: string | undefined) {
  const base = code ? `/zwgk/${code}` : '/zwgk';
  return [
    { key: 'guide', title: '政府信息公开指南', text: '公开范围、申请方式、办理流程及工作机构联系方式', href: code ? `${base}/guide` : base },
    { key: 'rules', title: '政府信息公开制度', text: '本区政府信息公开工作制度与工作规范', href: code ? `${base}/rules` : base },
    { key: 'proactive', title: '法定主动公开内容', text: '依据《条例》第二十条、第二十一条主动公开的政府信息', href: '/zwgk/fdzdgknr' },
    { key: 'annual', title: '政府信息公开年报', text: '区政府及各部门、街道（乡镇）历年工作年度报告', href: code ? `${base}/annual-reports` : base },
  ];
}

function ItemList({ items, testId, empty }: { items: HomeItem[]; testId: string; empty: string }) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="doc-list" data-testid={testId}>
      {items.map((i) => (
        <li key={i.id}>
          <a href={`/doc/${i.id}`}>{i.title}</a>
          <span class="count">{i.date}</span>
        </li>
      ))}
    </ul>
  );
}

function OrgLinks({ orgs, testId }: { orgs: PublicOrganization[]; testId: string }) {
  if (orgs.length === 0) return <p class="muted">暂无单位信息。</p>;
  return (
    <ul class="org-list" data-testid={testId}>
      {orgs.map((o) => (
        <li key={o.code}>
          <a href={`/zwgk#${orgAnchor(o)}`}>{o.name}</a>
        </li>
      ))}
    </ul>
  );
}

export function HomePage({ ctx, orgs, policies, interpretations }: { ctx: PageContext; orgs: PublicOrganization[]; policies: HomeItem[]; interpretations: HomeItem[] }) {
  const groups = groupOrganizations(orgs);
  const government = groups.government[0];
  return (
    <PublicLayout ctx={ctx} title="首页">
      <h1 class="visually-hidden">{ctx.site.name}门户网站</h1>
      <section class="hero" aria-labelledby="hero-title">
        <h2 id="hero-title">政府信息公开</h2>
        <p>
          依据《中华人民共和国政府信息公开条例》，本站集中公开{ctx.site.name}及所属各部门、街道（乡镇）的政府信息，
          提供检索、查阅和下载服务。
        </p>
        <ul class="entries" data-testid="zwgk-entries">
          {entries(government?.code).map((e) => (
            <li key={e.key} class="entry">
              <a href={e.href}>
                <span class="entry-title">{e.title}</span>
                <span class="entry-text">{e.text}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <div class="columns">
        <section class="panel" aria-labelledby="policies-title">
          <h2 id="policies-title">政策文件</h2>
          <ItemList items={policies} testId="latest-policies" empty="暂无公开的政策文件。" />
          <p><a href="/zcwj">更多政策文件</a></p>
        </section>
        <section class="panel" aria-labelledby="interpretations-title">
          <h2 id="interpretations-title">政策解读</h2>
          <ItemList items={interpretations} testId="latest-interpretations" empty="暂无公开的政策解读。" />
          <p><a href="/zcjd">更多政策解读</a></p>
        </section>
      </div>
      <div class="columns">
        {government ? (
          <section class="panel" aria-labelledby="office-title">
            <h2 id="office-title">政府信息公开工作机构</h2>
            <p>{government.name}</p>
            <OfficeDetails org={government} testId="office-details" />
            <p><a href="/zwgk">查看各单位政府信息公开工作机构</a></p>
          </section>
        ) : null}
        <div>
          <section class="panel" aria-labelledby="dept-title">
            <h2 id="dept-title">区政府部门</h2>
            <OrgLinks orgs={groups.departments} testId="department-list" />
          </section>
          <section class="panel" aria-labelledby="street-title">
            <h2 id="street-title">街道（乡镇）</h2>
            <OrgLinks orgs={groups.streets} testId="street-list" />
          </section>
        </div>
      </div>
    </PublicLayout>
  );
}
