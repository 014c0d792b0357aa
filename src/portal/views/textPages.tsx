/**
 * The text parts of a unit's 专栏: 政府信息公开指南 (generated from the office details and the 条例, plus the unit's own
 * text), 政府信息公开制度 (the unit's text) and 政府信息公开年报 (the list; reports arrive in a later release).
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../platform/page.ts';
import type { PublicOrganization } from '../../organizations/present.ts';
import { OfficeDetails } from '../../site/views/officeDetails.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import { Breadcrumbs, columnHref, ColumnNav, TextBlock, type ColumnPart } from './parts.tsx';

function ColumnShell({
  ctx,
  org,
  part,
  title,
  children,
}: {
  ctx: PageContext;
  org: PublicOrganization;
  part: ColumnPart;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <PublicLayout ctx={ctx} title={`${title} - ${org.name}`}>
      <Breadcrumbs items={[{ href: '/zwgk', label: '政府信息公开' }, { href: columnHref(org.code), label: org.name }, { label: title }]} />
      <ColumnNav code={org.code} name={org.name} current={part} />
      <article class="column-text" aria-labelledby="page-title">
        <h1 id="page-title">{org.name}{title}</h1>
        {children}
      </article>
    </PublicLayout>
  );
}

export interface GuideView {
  org: PublicOrganization;
  /** the unit's own additions, plain text */
  guideText: string;
  updatedOn: string;
}

/** 政府信息公开指南 (条例第十二条: 分类、编排体系、获取方式、工作机构的名称、地址、时间、电话、传真、互联网联系方式). */
export function GuidePage({ ctx, view }: { ctx: PageContext; view: GuideView }) {
  const { org } = view;
  const office = org.officeName || `${org.name}政府信息公开工作机构`;
  return (
    <ColumnShell ctx={ctx} org={org} part="guide" title="政府信息公开指南">
      <p class="lead">
        为便于公民、法人和其他组织获取{org.name}的政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。
      </p>
      <section aria-labelledby="g1">
        <h2 id="g1">一、政府信息的分类与编排</h2>
        <p>
          本单位主动公开的政府信息按《条例》第二十条、第二十一条规定的类别编排，同时标注索引号、主题分类、发文机关、成文日期、发文字号、发布日期和有效性，可在
          <a href={columnHref(org.code, 'fdzdgknr')}>法定主动公开内容</a>栏目按类别、主题、发文机关、年份和有效性查阅。
        </p>
      </section>
      <section aria-labelledby="g2">
        <h2 id="g2">二、获取政府信息的方式</h2>
        <h3>（一）主动公开</h3>
        <p>
          属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内，通过本网站政府信息公开专栏等渠道及时公开（《条例》第二十六条）。
          公众可以在网站上检索、查阅和下载，也可以通过订阅获取更新。
        </p>
        <h3>（二）依申请公开</h3>
        <h4>1. 申请方式</h4>
        <p>
          申请获取政府信息，应当向{office}提出，并采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由受理申请的工作机构代为填写政府信息公开申请（《条例》第二十九条）。
          当面提交的，请在办公时间到办公地址提交；邮寄提交的，请在信封左下角注明“政府信息公开申请”字样。
        </p>
        <h4>2. 申请内容</h4>
        <p>
          申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。
        </p>
        <h4>3. 受理机构</h4>
        <p>{office}负责受理向{org.name}提出的政府信息公开申请，联系方式见本指南第三部分。</p>
        <h4>4. 答复期限</h4>
        <p>
          能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在上述期限内（《条例》第三十三条）。
          申请内容不明确的，将在收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。
        </p>
        <h4>5. 收费</h4>
        <p>
          依申请提供政府信息，不收取费用。但是，申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（《条例》第四十二条）。
        </p>
      </section>
      <section aria-labelledby="g3">
        <h2 id="g3">三、政府信息公开工作机构</h2>
        <OfficeDetails org={org} testId="office-details" />
      </section>
      <section aria-labelledby="g4">
        <h2 id="g4">四、监督和救济</h2>
        <p>
          公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
        </p>
      </section>
      {view.guideText ? (
        <section aria-labelledby="g5">
          <h2 id="g5">五、其他说明</h2>
          <TextBlock text={view.guideText} testId="guide-text" />
        </section>
      ) : null}
      {view.updatedOn ? <p class="muted">本指南更新日期：{view.updatedOn}</p> : null}
    </ColumnShell>
  );
}

export interface RulesView {
  org: PublicOrganization;
  rulesText: string;
  updatedOn: string;
}

/** 政府信息公开制度: the unit's own text. */
export function RulesPage({ ctx, view }: { ctx: PageContext; view: RulesView }) {
  return (
    <ColumnShell ctx={ctx} org={view.org} part="rules" title="政府信息公开制度">
      {view.rulesText ? (
        <TextBlock text={view.rulesText} testId="rules-text" />
      ) : (
        <p class="empty" data-testid="rules-empty">本单位政府信息公开制度正在整理，发布后将在此公开。</p>
      )}
      {view.updatedOn ? <p class="muted">更新日期：{view.updatedOn}</p> : null}
    </ColumnShell>
  );
}

export interface AnnualReportsView {
  org: PublicOrganization;
  /** e.g. 2026年度报告将于2027年1月31日前发布。 */
  nextReport: string;
}

/** 政府信息公开年报: the list of reports (none yet) and when the next is due (条例第四十九条). */
export function AnnualReportsPage({ ctx, view }: { ctx: PageContext; view: AnnualReportsView }) {
  return (
    <ColumnShell ctx={ctx} org={view.org} part="annual-reports" title="政府信息公开年报">
      <p class="empty" data-testid="no-reports">暂无已发布的政府信息公开工作年度报告。</p>
      <p data-testid="next-report">{view.nextReport}</p>
    </ColumnShell>
  );
}
