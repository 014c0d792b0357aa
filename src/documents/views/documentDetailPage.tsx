import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import { VALIDITY_LABELS } from '../model.ts';
import type { DocumentDetail } from '../present.ts';
import type { DocumentFinding } from '../privacyCheck.ts';
import type { WorkflowAction } from '../workflow.ts';

export interface LinkedItem {
  id: number;
  title: string;
  statusLabel: string;
  extra: string;
}

export interface DocumentDetailView {
  detail: DocumentDetail;
  actions: WorkflowAction[];
  findings: DocumentFinding[];
  findingLabels: Record<string, string>;
  attachments: Array<{ id: number; filename: string; kind: string; size: string }>;
  interpretations: LinkedItem[];
  policies: LinkedItem[];
  versions: Array<{ version: number; changeNote: string; createdAt: string }>;
  canKeepFindings: boolean;
  errors?: FieldErrors | undefined;
  /** which action form the errors belong to */
  errorFor?: string | undefined;
  publicUrl: string | null;
}

function Meta({ d }: { d: DocumentDetail }) {
  const rows: Array<[string, string]> = [
    ['索引号', d.indexNumber],
    ['发布单位', d.orgName],
    ['主题分类', d.topic],
    ...(d.kind === 'document'
      ? ([['发文机关', d.issuers], ['成文日期', d.writtenOn], ['发文字号', d.docNumber], ['体裁', d.genre]] as Array<[string, string]>)
      : ([['解读形式', d.interpForm], ['解读单位', d.interpUnit], ['解读人', d.interpPerson]] as Array<[string, string]>)),
    ['公开属性', d.disclosureLabel],
    ...(d.disclosure === 'withheld' ? ([['不予公开理由', d.withheldReason], ['不予公开依据', d.withheldBasis]] as Array<[string, string]>) : []),
    ['主动公开目录类别', d.catalog],
    ['公开方式', d.disclosureMethod],
    ['信息形成（变更）日期', d.formedOn],
    ['公开期限', d.dueOn || (d.disclosure === 'proactive' ? '无法计算（缺少工作日历数据）' : '—')],
    ['发布日期', d.publishedAt || (d.scheduledAt ? `定时：${d.scheduledAt}` : '')],
    ['有效性', d.validityNote ? `${d.validityLabel}（${d.validityNote}）` : d.validityLabel],
    ['关键词', d.keywords],
    ['版本', `第${d.version}版`],
  ];
  if (d.isPolicy) rows.push(['政策性文件', d.interpretationWaiver ? `是（未附解读的理由：${d.interpretationWaiver}）` : '是']);
  if (d.isPenaltyDecision) rows.push(['行政处罚决定', '是']);
  return (
    <table class="meta-table" data-testid="document-meta">
      <caption class="visually-hidden">文件信息</caption>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}><th scope="row">{k}</th><td>{v || '—'}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

function errs(view: DocumentDetailView, form: string): FieldErrors | undefined {
  return view.errorFor === form ? view.errors : undefined;
}

function Actions({ ctx, view }: { ctx: PageContext; view: DocumentDetailView }) {
  const d = view.detail;
  const has = (a: WorkflowAction) => view.actions.includes(a);
  const base = `/admin/documents/${d.id}`;
  const needsWaiver = d.isPolicy && view.interpretations.length === 0;
  return (
    <section class="panel" aria-labelledby="actions-title" data-testid="workflow-actions">
      <h2 id="actions-title">办理</h2>
      {view.actions.length === 0 ? <p>当前状态下您没有可办理的操作。</p> : null}
      {has('edit') ? <p><a class="button secondary" href={`${base}/edit`} data-testid="action-edit">修改草稿</a></p> : null}
      {has('submit') ? (
        <PostForm action={`${base}/submit`} csrfToken={ctx.csrfToken} testId="form-submit">
          <button type="submit" class="button" data-testid="action-submit">提交审核</button>
        </PostForm>
      ) : null}
      {has('review') ? (
        <PostForm action={`${base}/review`} csrfToken={ctx.csrfToken} testId="form-review">
          <ErrorSummary errors={errs(view, 'review')} />
          <div class="checkbox"><input type="checkbox" id="f-confirm_disclosure" name="confirm_disclosure" value="1" /><label for="f-confirm_disclosure">公开属性认定无误</label></div>
          <div class="checkbox"><input type="checkbox" id="f-confirm_secrecy" name="confirm_secrecy" value="1" /><label for="f-confirm_secrecy">已完成保密审查，不涉及国家秘密</label></div>
          <button type="submit" class="button" data-testid="action-review">审核通过</button>
        </PostForm>
      ) : null}
      {has('approve') ? (
        <PostForm action={`${base}/approve`} csrfToken={ctx.csrfToken} testId="form-approve">
          <ErrorSummary errors={errs(view, 'approve')} />
          {d.disclosure === 'proactive' ? (
            <fieldset class="field">
              <legend>发布方式</legend>
              <div class="radio"><input type="radio" id="f-mode-now" name="mode" value="now" checked /><label for="f-mode-now">签发并立即发布</label></div>
              <div class="radio"><input type="radio" id="f-mode-schedule" name="mode" value="schedule" /><label for="f-mode-schedule">签发并定时发布</label></div>
              <div class="radio"><input type="radio" id="f-mode-hold" name="mode" value="hold" /><label for="f-mode-hold">仅签发，稍后发布</label></div>
            </fieldset>
          ) : (
            <input type="hidden" name="mode" value="hold" />
          )}
          {d.disclosure === 'proactive' ? <TextField name="scheduled_at" label="定时发布时间（北京时间）" type="datetime-local" errors={errs(view, 'approve')} /> : null}
          {needsWaiver ? (
            <TextArea name="waiver" label="未附政策解读的理由" rows={3} errors={errs(view, 'approve')} hint="政策性文件应同时报送解读材料；确无需解读的，须记录理由后方可签发。" />
          ) : null}
          <button type="submit" class="button" data-testid="action-approve">签发</button>
        </PostForm>
      ) : null}
      {has('publish') ? (
        <PostForm action={`${base}/publish`} csrfToken={ctx.csrfToken} testId="form-publish">
          <button type="submit" class="button" data-testid="action-publish">立即发布</button>
        </PostForm>
      ) : null}
      {has('return') ? (
        <PostForm action={`${base}/return`} csrfToken={ctx.csrfToken} testId="form-return">
          <TextArea name="reason" label="退回理由" rows={3} errors={errs(view, 'return')} required />
          <button type="submit" class="button secondary" data-testid="action-return">退回修改</button>
        </PostForm>
      ) : null}
      {has('revise') ? <p><a class="button secondary" href={`${base}/edit`} data-testid="action-revise">修订</a></p> : null}
      {has('changeValidity') ? (
        <details>
          <summary>变更有效性</summary>
          <PostForm action={`${base}/validity`} csrfToken={ctx.csrfToken} testId="form-validity">
            <SelectField name="validity" label="有效性" options={Object.entries(VALIDITY_LABELS).map(([value, label]) => ({ value, label }))} errors={errs(view, 'validity')} />
            <TextArea name="validity_note" label="说明（将在文件页面公示）" rows={2} errors={errs(view, 'validity')} required />
            <TextField name="replaced_by_id" label="替代（修订后）文件的编号" errors={errs(view, 'validity')} inputMode="numeric" />
            <button type="submit" class="button secondary">保存</button>
          </PostForm>
        </details>
      ) : null}
      {has('withdraw') ? (
        <details>
          <summary>撤回（页面保留并公开说明）</summary>
          <PostForm action={`${base}/withdraw`} csrfToken={ctx.csrfToken} testId="form-withdraw">
            <TextArea name="reason" label="公开说明" rows={3} errors={errs(view, 'withdraw')} required />
            <button type="submit" class="button warning">撤回</button>
          </PostForm>
        </details>
      ) : null}
      {has('takedown') ? (
        <details>
          <summary>撤下（网址将返回“信息已撤下”）</summary>
          <PostForm action={`${base}/takedown`} csrfToken={ctx.csrfToken} testId="form-takedown">
            <TextArea name="reason" label="撤下理由（公开）" rows={3} errors={errs(view, 'takedown')} required />
            {d.isPenaltyDecision ? (
              <TextField name="penalty_revoked_on" label="处罚决定被变更、撤销或确认违法、无效的日期" type="date" errors={errs(view, 'takedown')}
                hint="行政处罚法第四十八条：应在三个工作日内撤回并公开说明理由。" />
            ) : null}
            <button type="submit" class="button button-danger">撤下</button>
          </PostForm>
        </details>
      ) : null}
    </section>
  );
}

function Privacy({ ctx, view }: { ctx: PageContext; view: DocumentDetailView }) {
  const base = `/admin/documents/${view.detail.id}`;
  const canMask = view.actions.includes('edit');
  if (view.findings.length === 0) {
    return (
      <section class="panel" aria-labelledby="privacy-title">
        <h2 id="privacy-title">个人信息检查</h2>
        <p data-testid="privacy-clean">正文和附件中未发现身份证号、手机号、银行卡号、电子邮箱等个人信息。</p>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="privacy-title" data-testid="privacy-findings">
      <h2 id="privacy-title">个人信息检查</h2>
      <p>以下个人信息须逐项遮盖或记录保留理由（如惩戒性公示、法定公开），否则不能签发。</p>
      <ErrorSummary errors={errs(view, 'privacy')} />
      <table class="data-table">
        <caption class="visually-hidden">发现的个人信息</caption>
        <thead><tr><th scope="col">类型</th><th scope="col">内容（已遮盖）</th><th scope="col">位置</th><th scope="col">处理</th></tr></thead>
        <tbody>
          {view.findings.map((f) => (
            <tr key={`${f.where}-${f.fingerprint}`}>
              <td>{view.findingLabels[f.kind] ?? f.kind}</td>
              <td>{f.masked}</td>
              <td>{f.where === 'body' ? '正文' : `附件：${f.where}`}</td>
              <td>
                {f.keptReason ? (
                  <span>已保留：{f.keptReason}</span>
                ) : (
                  <>
                    {canMask && f.where === 'body' ? (
                      <PostForm action={`${base}/privacy/mask`} csrfToken={ctx.csrfToken} class="inline">
                        <input type="hidden" name="fingerprint" value={f.fingerprint} />
                        <button type="submit" class="button secondary" data-testid="privacy-mask">遮盖</button>
                      </PostForm>
                    ) : null}
                    {view.canKeepFindings ? (
                      <PostForm action={`${base}/privacy/keep`} csrfToken={ctx.csrfToken} class="inline">
                        <input type="hidden" name="fingerprint" value={f.fingerprint} />
                        <label for={`keep-${f.fingerprint}`} class="visually-hidden">保留理由</label>
                        <input id={`keep-${f.fingerprint}`} name="reason" type="text" placeholder="保留理由" maxLength={500} />
                        <button type="submit" class="button secondary">保留</button>
                      </PostForm>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Linked({ title, items, empty }: { title: string; items: LinkedItem[]; empty: string }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? <p>{empty}</p> : (
        <ul data-testid="linked-items">
          {items.map((i) => <li key={i.id}><a href={`/admin/documents/${i.id}`}>{i.title}</a>（{i.statusLabel}{i.extra ? `，${i.extra}` : ''}）</li>)}
        </ul>
      )}
    </section>
  );
}

export function DocumentDetailPage({ ctx, view }: { ctx: PageContext; view: DocumentDetailView }) {
  const d = view.detail;
  const base = `/admin/documents/${d.id}`;
  return (
    <AdminLayout ctx={ctx} title={d.title}>
      <p><a href="/admin/documents">← 返回政府信息</a></p>
      <h1>{d.title}</h1>
      <p>
        <span class={`badge status-${d.status}`} data-testid="document-status">{d.statusLabel}</span>{' '}
        {d.kind === 'interpretation' ? '政策解读' : '文件'} · {d.indexNumber}
        {view.publicUrl ? <> · <a href={view.publicUrl}>查看公开页面</a></> : null}
      </p>
      {d.status === 'draft' && d.returnReason ? (
        <div class="flash flash-error" role="alert" data-testid="return-reason">已退回：{d.returnReason}</div>
      ) : null}
      {d.publicNotice ? <div class="notice" role="status">公开说明：{d.publicNotice}</div> : null}
      <ErrorSummary errors={view.errorFor === 'general' ? view.errors : undefined} />
      <Actions ctx={ctx} view={view} />
      <Privacy ctx={ctx} view={view} />
      <h2>文件信息</h2>
      <Meta d={d} />
      {d.kind === 'document' && d.isPolicy ? <Linked title="政策解读" items={view.interpretations} empty="尚未关联政策解读。" /> : null}
      {d.kind === 'interpretation' ? <Linked title="所解读的政策" items={view.policies} empty="未关联政策文件。" /> : null}
      <section aria-labelledby="att-title">
        <h2 id="att-title">附件</h2>
        {view.attachments.length === 0 ? <p>无附件。</p> : (
          <ul data-testid="attachment-list">
            {view.attachments.map((a) => (
              <li key={a.id}>
                <a href={`${base}/attachments/${a.id}`}>{a.filename}</a>（{a.kind}，{a.size}）
                {view.actions.includes('edit') ? (
                  <PostForm action={`${base}/attachments/${a.id}/delete`} csrfToken={ctx.csrfToken} class="inline">
                    <button type="submit" class="link-button">删除</button>
                  </PostForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {view.actions.includes('edit') ? (
          <form method="post" action={`${base}/attachments`} encType="multipart/form-data" data-testid="attachment-form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <ErrorSummary errors={errs(view, 'attachment')} />
            <div class="field">
              <label for="f-file">上传附件（PDF、DOCX、XLSX 或图片）</label>
              <input id="f-file" name="file" type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp" />
            </div>
            <button type="submit" class="button secondary" data-testid="attachment-upload">上传</button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="body-title">
        <h2 id="body-title">正文</h2>
        {/* The body was sanitised on save (src/documents/sanitize.ts): only structural tags remain. */}
        <div class="document-body" dangerouslySetInnerHTML={{ __html: d.bodyHtml || '<p>（无正文）</p>' }} />
      </section>
      {view.versions.length ? (
        <section aria-labelledby="ver-title">
          <h2 id="ver-title">历史版本</h2>
          <ul>
            {view.versions.map((v) => (
              <li key={v.version}><a href={`${base}/versions/${v.version}`}>第{v.version}版</a> · {v.createdAt} · 修订说明：{v.changeNote}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </AdminLayout>
  );
}
