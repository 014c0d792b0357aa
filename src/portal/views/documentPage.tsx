/**
 * /doc/:id — one item of government information: the standard metadata table, validity or withdrawal notice, the
 * body, attachments, and its interpretations (a policy) or the policies it explains (an interpretation). Also the HTML
 * reading view of a DOCX attachment.
 */
import type { PageContext } from '../../platform/page.ts';
import { PublicLayout } from '../../views/layout.tsx';
import type { DocumentPageView, LinkItem } from '../present.ts';
import { Breadcrumbs, columnHref, SanitizedHtml } from './parts.tsx';

function Row2({ a, b }: { a: [string, string]; b: [string, string] }) {
  return (
    <tr>
      <th scope="row">{a[0]}</th>
      <td>{a[1]}</td>
      <th scope="row">{b[0]}</th>
      <td>{b[1]}</td>
    </tr>
  );
}

function Row1({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td colSpan={3} data-testid={testId}>{value}</td>
    </tr>
  );
}

/** The metadata table (条例第十二条 elements and the practice columns), read row by row. */
function MetaTable({ view }: { view: DocumentPageView }) {
  const m = view.meta;
  const interp = view.interpretation;
  return (
    <table class="doc-meta" data-testid="doc-meta">
      <caption class="visually-hidden">{interp ? '解读信息' : '文件信息'}</caption>
      <tbody>
        <Row2 a={['索引号', m.indexNumber]} b={['主题分类', m.topic]} />
        <Row2 a={['发文机关', m.issuers]} b={['成文日期', m.writtenOn]} />
        <Row1 label={interp ? '名称' : '标题'} value={m.title} />
        <Row2 a={['发文字号', m.docNumber]} b={['发布日期', m.publishedOn]} />
        <Row2 a={['有效性', m.validity]} b={['体裁', m.genre]} />
        {interp ? <Row2 a={['解读形式', interp.form]} b={['解读单位', interp.unit]} /> : null}
        {interp ? <Row1 label="解读人" value={interp.person} /> : null}
        {m.category ? <Row1 label="公开类别" value={m.category} /> : null}
        {view.summary ? <Row1 label="内容概述" value={view.summary} testId="doc-summary" /> : null}
        {m.keywords ? <Row1 label="关键词" value={m.keywords} /> : null}
      </tbody>
    </table>
  );
}

function LinkList({ id, title, items, testId }: { id: string; title: string; items: LinkItem[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <section class="doc-related" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.href}>
            <a href={i.href}>{i.title}</a>
            {i.formLabel ? <span class="muted">（{i.formLabel}）</span> : null}
            {i.publishedOn ? <span class="muted"> {i.publishedOn}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One document or interpretation. */
export function DocumentPage({ ctx, view }: { ctx: PageContext; view: DocumentPageView }) {
  const isInterp = view.kind === 'interpretation';
  return (
    <PublicLayout ctx={ctx} title={view.title}>
      <Breadcrumbs
        items={[
          { href: '/zwgk', label: '政府信息公开' },
          isInterp ? { href: '/zcjd', label: '政策解读' } : { href: columnHref(view.org.code, 'fdzdgknr'), label: view.org.name },
          { label: view.title },
        ]}
      />
      <article class="document" aria-labelledby="doc-title" data-testid="document">
        {view.historical ? (
          <div class="doc-notice doc-notice-validity" role="note" data-testid="historical-notice">
            <p><strong>这是本信息的历史版本（第{view.historical.version}版），已被修订。</strong></p>
            <p>现行版本（第{view.historical.currentVersion}版）：<a href={view.historical.currentHref}>{view.historical.currentTitle}</a></p>
          </div>
        ) : null}
        {view.withdrawnNotice !== null ? (
          <div class="doc-notice doc-notice-withdrawn" role="note" data-testid="withdrawn-notice">
            <p><strong>本信息已撤回。</strong></p>
            {view.withdrawnNotice ? <p>撤回说明：{view.withdrawnNotice}</p> : null}
          </div>
        ) : null}
        {view.validityNotice ? (
          <div class="doc-notice doc-notice-validity" role="note" data-testid="validity-notice">
            <p><strong>{view.validityNotice.text}。</strong></p>
            {view.validityNotice.note ? <p>{view.validityNotice.note}</p> : null}
            {view.validityNotice.replacement ? (
              <p>
                现行文件：<a href={view.validityNotice.replacement.href} data-testid="replacement-link">{view.validityNotice.replacement.title}</a>
              </p>
            ) : null}
          </div>
        ) : null}
        <MetaTable view={view} />
        <h1 id="doc-title" class="doc-title">{view.title}</h1>
        {view.meta.docNumber ? <p class="doc-number">{view.meta.docNumber}</p> : null}
        {view.bodyHtml !== null ? (
          <SanitizedHtml html={view.bodyHtml} class="doc-body" testId="doc-body" />
        ) : (
          <p class="doc-body-withdrawn" data-testid="body-withdrawn">本信息已撤回，正文和附件不再提供。</p>
        )}
        {view.attachments.length > 0 ? (
          <section class="doc-attachments" aria-labelledby="attachments-title" data-testid="attachments">
            <h2 id="attachments-title">附件</h2>
            <ul>
              {view.attachments.map((a) => (
                <li key={a.downloadHref}>
                  <a href={a.downloadHref} download={a.filename} data-testid="attachment-download">{a.filename}</a>
                  <span class="muted">（{a.kindLabel}，{a.sizeLabel}）</span>
                  {a.htmlHref ? (
                    <>
                      {' '}
                      <a href={a.htmlHref} data-testid="attachment-html">在线阅读<span class="visually-hidden">{a.filename}</span></a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {view.versions.length > 0 && !view.historical ? (
          <section class="doc-related" aria-labelledby="versions-title" data-testid="versions">
            <h2 id="versions-title">历史版本</h2>
            <ul>
              {view.versions.map((v) => (
                <li key={v.version}>
                  <a href={v.href}>第{v.version}版</a>
                  <span class="muted">（{v.replacedOn}修订{v.changeNote ? `：${v.changeNote}` : ''}）</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <LinkList id="interpretations-title" title="相关解读" items={view.interpretations} testId="interpretations" />
        <LinkList id="policies-title" title="解读的政策文件" items={view.policies} testId="policies" />
      </article>
    </PublicLayout>
  );
}

export interface AttachmentHtmlView {
  documentTitle: string;
  documentHref: string;
  filename: string;
  downloadHref: string;
  /** the DOCX converted to HTML and sanitised on upload (src/attachments/extract.ts docxToHtml) */
  html: string;
}

/** A DOCX attachment read as a web page. */
export function AttachmentHtmlPage({ ctx, view }: { ctx: PageContext; view: AttachmentHtmlView }) {
  return (
    <PublicLayout ctx={ctx} title={view.filename}>
      <Breadcrumbs items={[{ href: '/zwgk', label: '政府信息公开' }, { href: view.documentHref, label: view.documentTitle }, { label: view.filename }]} />
      <article class="document attachment-view" aria-labelledby="att-title">
        <h1 id="att-title" class="doc-title">{view.filename}</h1>
        <p>
          本页为附件的网页版本，所属文件：<a href={view.documentHref}>{view.documentTitle}</a>。
          <a href={view.downloadHref} download={view.filename}>下载原文件</a>
        </p>
        <SanitizedHtml html={view.html} class="doc-body" testId="attachment-body" />
      </article>
    </PublicLayout>
  );
}
