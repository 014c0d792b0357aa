/** 政府信息公开: the entry page listing every active unit's 政府信息公开工作机构 (条例第十二条、第二十七条). */
import type { PageContext } from '../../platform/page.ts';
import type { PublicOrganization } from '../../organizations/present.ts';
import { PublicLayout } from '../../views/layout.tsx';
import { groupOrganizations, orgAnchor } from '../present.ts';
import { OfficeDetails } from './officeDetails.tsx';

function OrgSection({ id, title, orgs }: { id: string; title: string; orgs: PublicOrganization[] }) {
  if (orgs.length === 0) return null;
  return (
    <section class="org-section" aria-labelledby={`${id}-title`} data-testid={`zwgk-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div class="org-grid">
        {orgs.map((o) => (
          <section key={o.code} id={orgAnchor(o)} class="org-card" aria-labelledby={`${orgAnchor(o)}-name`} data-testid="org-card">
            <h3 id={`${orgAnchor(o)}-name`}>{o.name}</h3>
            <OfficeDetails org={o} />
          </section>
        ))}
      </div>
    </section>
  );
}

export function ZwgkPage({ ctx, orgs }: { ctx: PageContext; orgs: PublicOrganization[] }) {
  const groups = groupOrganizations(orgs);
  const sections = [
    { id: 'government', title: '区人民政府', orgs: groups.government },
    { id: 'departments', title: '区政府部门', orgs: groups.departments },
    { id: 'streets', title: '街道（乡镇）', orgs: groups.streets },
  ].filter((s) => s.orgs.length > 0);
  return (
    <PublicLayout ctx={ctx} title="政府信息公开">
      <h1>政府信息公开</h1>
      <p class="lead">
        本栏目公开{ctx.site.name}及所属各部门、街道（乡镇）政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和电子邮箱。
      </p>
      <p>
        公民、法人或者其他组织可以向行政机关的政府信息公开工作机构申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。
        各单位的政府信息公开指南、政府信息公开制度、法定主动公开内容和政府信息公开年报将在本栏目陆续发布。
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
    </PublicLayout>
  );
}
