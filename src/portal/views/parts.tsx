/** View pieces shared by the portal pages: the 专栏 navigation, breadcrumbs, result tables, pagination, stored HTML. */
import type { ComponentChildren } from 'preact';
import type { DocListItem } from '../present.ts';
import { paragraphs } from '../present.ts';

/** HTML that was sanitised before it was stored. The only raw-HTML sink in the portal. */
export function SanitizedHtml({ html, class: className, testId }: { html: string; class: string; testId?: string }) {
  // The document body was sanitised on save by src/documents/sanitize.ts (sanitizeBody: active content refused, an
  // allow-list of tags and attributes kept); a DOCX attachment's HTML was sanitised on upload by
  // src/attachments/extract.ts (docxToHtml → sanitizeDocxHtml). Nothing else may be passed here.
  return <div class={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}

export interface Crumb {
  href?: string;
  label: string;
}

/** 当前位置 trail; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label="当前位置">
      <ol>
        <li><a href="/">首页</a></li>
        {items.map((c, i) => (
          <li key={i}>
            {c.href && i < items.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export type ColumnPart = 'home' | 'guide' | 'rules' | 'fdzdgknr' | 'annual-reports';

export const COLUMN_PARTS: Array<{ part: Exclude<ColumnPart, 'home'>; label: string }> = [
  { part: 'guide', label: '政府信息公开指南' },
  { part: 'rules', label: '政府信息公开制度' },
  { part: 'fdzdgknr', label: '法定主动公开内容' },
  { part: 'annual-reports', label: '政府信息公开年报' },
];

/** The base address of a unit's 专栏. */
export function columnHref(code: string, part: ColumnPart = 'home'): string {
  const base = `/zwgk/${encodeURIComponent(code)}`;
  return part === 'home' ? base : `${base}/${part}`;
}

/** The navigation between the four parts of a unit's 政府信息公开专栏. */
export function ColumnNav({ code, name, current }: { code: string; name: string; current: ColumnPart }) {
  return (
    <nav class="column-nav" aria-label={`${name}政府信息公开专栏`} data-testid="column-nav">
      <ul>
        <li>
          <a href={columnHref(code)} aria-current={current === 'home' ? 'page' : undefined}>专栏首页</a>
        </li>
        {COLUMN_PARTS.map((p) => (
          <li key={p.part}>
            <a href={columnHref(code, p.part)} aria-current={current === p.part ? 'page' : undefined}>{p.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Public items as a table: 索引号, 标题, 发文字号, 成文日期, 发布日期 (and the unit when the list spans units). */
export function DocumentTable({
  items,
  caption,
  showOrg = false,
  showValidity = false,
}: {
  items: DocListItem[];
  caption: string;
  showOrg?: boolean;
  showValidity?: boolean;
}) {
  if (items.length === 0) return <p class="empty" data-testid="no-results">没有符合条件的信息。</p>;
  return (
    <div class="table-wrap">
      <table class="doc-list" data-testid="document-list">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">索引号</th>
            <th scope="col">发文字号</th>
            {showOrg ? <th scope="col">发布单位</th> : null}
            <th scope="col">成文日期</th>
            <th scope="col">发布日期</th>
            {showValidity ? <th scope="col">有效性</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} data-testid="document-row">
              <td><a href={d.href}>{d.title}</a></td>
              <td>{d.indexNumber}</td>
              <td>{d.docNumber}</td>
              {showOrg ? <td>{d.orgName}</td> : null}
              <td>{d.writtenOn}</td>
              <td>{d.publishedOn}</td>
              {showValidity ? <td class={`validity validity-${d.validity}`}>{d.validityLabel}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export { Pagination } from '../../views/components.tsx';

/** Plain text shown as paragraphs. */
export function TextBlock({ text, testId }: { text: string; testId?: string }) {
  return (
    <div class="text-block" data-testid={testId}>
      {paragraphs(text).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

/** A labelled block of the page (section with its heading). */
export function Section({ id, title, children, class: className }: { id: string; title: string; children: ComponentChildren; class?: string }) {
  return (
    <section class={className ?? 'panel'} aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
