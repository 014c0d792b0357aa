import type { PageContext } from '../../platform/page.ts';
import type { PublicOrganization } from '../../organizations/present.ts';
import { PublicLayout } from '../../views/layout.tsx';

export function HomePage({ ctx, orgs }: { ctx: PageContext; orgs: PublicOrganization[] }) {
  const government = orgs.find((o) => o.kind === 'government');
  const departments = orgs.filter((o) => o.kind === 'department');
  const streets = orgs.filter((o) => o.kind === 'street');
  return (
    <PublicLayout ctx={ctx} title="首页">
      <h1 class="visually-hidden">{ctx.site.name}门户网站</h1>
      <section class="hero" aria-labelledby="hero-title">
        <h2 id="hero-title">政府信息公开</h2>
        <p>依据《中华人民共和国政府信息公开条例》，本站集中公开{ctx.site.name}及所属各部门、街道（乡镇）的政府信息。</p>
      </section>
      {government ? (
        <section class="panel" aria-labelledby="office-title">
          <h2 id="office-title">政府信息公开工作机构</h2>
          <dl class="office" data-testid="office-details">
            <dt>机构名称</dt><dd>{government.officeName}</dd>
            <dt>办公地址</dt><dd>{government.officeAddress}</dd>
            <dt>邮政编码</dt><dd>{government.officePostcode}</dd>
            <dt>办公时间</dt><dd>{government.officeHours}</dd>
            <dt>联系电话</dt><dd>{government.officePhone}</dd>
            <dt>传真</dt><dd>{government.officeFax}</dd>
            <dt>电子邮箱</dt><dd>{government.officeEmail}</dd>
          </dl>
        </section>
      ) : null}
      <div class="columns">
        <section class="panel" aria-labelledby="dept-title">
          <h2 id="dept-title">区政府部门</h2>
          <ul class="org-list" data-testid="department-list">
            {departments.map((o) => <li key={o.code}>{o.name}</li>)}
          </ul>
        </section>
        <section class="panel" aria-labelledby="street-title">
          <h2 id="street-title">街道（乡镇）</h2>
          <ul class="org-list">
            {streets.map((o) => <li key={o.code}>{o.name}</li>)}
          </ul>
        </section>
      </div>
    </PublicLayout>
  );
}
