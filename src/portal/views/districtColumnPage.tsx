/**
 * /zwgk — the district's 政府信息公开专栏: the four parts for the district as a whole, the latest items, the policy
 * library entries, and every unit with its 政府信息公开工作机构 (条例第十二条) and a link to its own 专栏.
 */
import type { PageContext } from '../../platform/page.ts';
import type { PublicOrganization } from '../../organizations/present.ts';
import { groupOrganizations, orgAnchor } from '../../site/present.ts';
import { OfficeDetails } from '../../site/views/officeDetails.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import type { DocListItem } from '../present.ts';
import { columnHref, COLUMN_PARTS, DocumentTable, type ColumnPart } from './parts.tsx';

export interface DistrictColumnView {
  /** the district government, whose guide, rules and reports are the district's */
  government: PublicOrganization | null;
  orgs: PublicOrganization[];
  latest: DocListItem[];
}

const PART_TEXT: Record<Exclude<ColumnPart, 'home'>, string> = {
  guide: '公开范围、获取方式、申请流程及工作机构联系方式',
  rules: '政府信息公开工作制度与工作规范',
  fdzdgknr: '依据《条例》第二十条、第二十一条主动公开的政府信息',
  'annual-reports': '政府信息公开工作年度报告',
};

function partHref(view: DistrictColumnView, part: Exclude<ColumnPart, 'home'>): string | null {
  if (part === 'fdzdgknr') return '/zwgk/fdzdgknr';
  return view.government ? columnHref(view.government.code, part) : null;
}

function OrgSection({ id, title, orgs }: { id: string; title: string; orgs: PublicOrganization[] }) {
  if (orgs.length === 0) return null;
  return (
    <section class="org-section" aria-labelledby={`${id}-title`} data-testid={`zwgk-${id}`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div class="org-grid">
        {orgs.map((o) => (
          <section key={o.code} id={orgAnchor(o)} class="org-card" aria-labelledby={`${orgAnchor(o)}-name`} data-testid="org-card">
            <h4 id={`${orgAnchor(o)}-name`}>{o.name}</h4>
            <OfficeDetails org={o} />
            <p>
              <a href={columnHref(o.code)} data-testid="org-column-link">进入{o.shortName}政府信息公开专栏</a>
            </p>
          </section>
        ))}
      </div>
    </section>
  );
}

/** The district's 政府信息公开 column page. */
export function DistrictColumnPage({ ctx, view }: { ctx: PageContext; view: DistrictColumnView }) {
  const groups = groupOrganizations(view.orgs);
  const sections = [
    { id: 'government', title: '区人民政府', orgs: groups.government },
    { id: 'departments', title: '区政府部门', orgs: groups.departments },
    { id: 'streets', title: '街道（乡镇）', orgs: groups.streets },
  ].filter((s) => s.orgs.length > 0);
  return (
    <PublicLayout ctx={ctx} title="政府信息公开">
      <h1>政府信息公开</h1>
      <p class="lead">
        本栏目依据《中华人民共和国政府信息公开条例》集中公开{ctx.site.name}及所属各部门、街道（乡镇）的政府信息，提供检索、查阅和下载服务。
      </p>
      <section class="column-parts" aria-labelledby="parts-title">
        <h2 id="parts-title">政府信息公开专栏</h2>
        <ul class="entries" data-testid="column-parts">
          {COLUMN_PARTS.map((p) => {
            const href = partHref(view, p.part);
            return href ? (
              <li key={p.part} class="entry">
                <a href={href}>
                  <span class="entry-title">{p.label}</span>
                  <span class="entry-text">{PART_TEXT[p.part]}</span>
                </a>
              </li>
            ) : null;
          })}
          <li class="entry">
            <a href="/zcwj">
              <span class="entry-title">政策文件</span>
              <span class="entry-text">行政规范性文件和其他政策文件，可按发文机关、年份、有效性检索</span>
            </a>
          </li>
          <li class="entry">
            <a href="/zcjd">
              <span class="entry-title">政策解读</span>
              <span class="entry-text">重要政策的文字、图解、问答等解读</span>
            </a>
          </li>
        </ul>
      </section>
      <section class="panel" aria-labelledby="latest-title">
        <h2 id="latest-title">最新公开</h2>
        <DocumentTable items={view.latest} caption="最新主动公开的政府信息" showOrg />
        <p>
          <a href="/zwgk/fdzdgknr">查看全部法定主动公开内容</a>
          {' · '}
          <a href="/zwgk/feed.atom" type="application/atom+xml">订阅（Atom）</a>
          {' · '}
          <a href="/zwgk/feed.rss" type="application/rss+xml">订阅（RSS）</a>
        </p>
      </section>
      <section aria-labelledby="units-title">
        <h2 id="units-title">各单位政府信息公开工作机构</h2>
        <p>
          公民、法人或者其他组织可以向行政机关的政府信息公开工作机构申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。
        </p>
        {sections.length === 0 ? (
          <p class="notice">暂无单位信息。</p>
        ) : (
          <>
            <nav aria-label="按单位类别浏览">
              <ul class="toc">
                {sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#${s.id}-title`}>{s.title}（{s.orgs.length}）</a>
                  </li>
                ))}
              </ul>
            </nav>
            {sections.map((s) => (
              <OrgSection key={s.id} id={s.id} title={s.title} orgs={s.orgs} />
            ))}
          </>
        )}
      </section>
    </PublicLayout>
  );
}
