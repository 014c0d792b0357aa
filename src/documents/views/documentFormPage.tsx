import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import { DISCLOSURE_LABELS, DISCLOSURE_METHODS, INTERPRETATION_FORMS, MAX_BODY_CHARS, WITHHELD_REASONS } from '../model.ts';
import type { DocumentFormValues, Option } from '../present.ts';

export interface DocumentFormOptions {
  orgs: Option[];
  topics: Option[];
  genres: Option[];
  catalog: Option[];
  /** policies of the unit an interpretation may explain */
  policies: Option[];
}

export interface DocumentFormView {
  mode: 'create' | 'edit' | 'revise';
  kind: 'document' | 'interpretation';
  action: string;
  values: DocumentFormValues;
  errors?: FieldErrors | undefined;
  options: DocumentFormOptions;
}

const LABELS: Record<string, string> = {
  org_id: '发布单位', title: '标题', summary: '内容概述', written_on: '成文日期', formed_on: '信息形成（变更）日期', issuers: '发文机关',
  doc_number: '发文字号', topic_code: '主题分类', genre_code: '体裁', keywords: '关键词', disclosure: '公开属性',
  withheld_reason: '不予公开理由', withheld_basis: '不予公开依据', catalog_code: '主动公开目录类别', body: '正文',
  interp_form: '解读形式', interp_unit: '解读单位', interp_person: '解读人', policy_ids: '所解读的政策文件', change_note: '修订说明',
};

function Checkbox({ name, value, checked, label }: { name: string; value: string; checked: boolean; label: string }) {
  const id = `f-${name}-${value}`;
  return (
    <div class="checkbox">
      <input type="checkbox" id={id} name={name} value={value} checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

// The editor's toolbar labels travel in the page so the 简/繁 conversion covers them too.
const RTE_LABELS = JSON.stringify({
  p: '段落', h2: '标题二', h3: '标题三', bold: '加粗', italic: '倾斜', ol: '有序列表', ul: '无序列表',
  link: '插入链接', clear: '清除格式', source: '查看源代码', toolbar: '格式工具栏',
  linkAddress: '链接地址（以 http:// 或 https:// 开头）', linkApply: '插入', linkCancel: '取消',
  linkError: '链接地址须以 http:// 或 https:// 开头，请重新输入。',
});

export function DocumentFormPage({ ctx, view }: { ctx: PageContext; view: DocumentFormView }) {
  const v = view.values;
  const e = view.errors;
  const interp = view.kind === 'interpretation';
  const noun = interp ? '政策解读' : '政府信息';
  const title = view.mode === 'create' ? `起草${noun}` : view.mode === 'revise' ? `修订${noun}` : `修改${noun}`;
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p><a href="/admin/documents">← 返回政府信息</a></p>
      <h1>{title}</h1>
      {view.mode === 'revise' ? <p class="notice">已发布信息的修订将生成新版本，原版本保留可查；修订内容立即在网站生效。</p> : null}
      <ErrorSummary errors={e} labels={LABELS} />
      <PostForm action={view.action} csrfToken={ctx.csrfToken} testId="document-form">
        <input type="hidden" name="kind" value={view.kind} />
        <fieldset>
          <legend>基本信息</legend>
          {view.mode === 'create' ? (
            <SelectField name="org_id" label="发布单位" value={v.org_id} errors={e} options={view.options.orgs} required />
          ) : (
            <input type="hidden" name="org_id" value={v.org_id} />
          )}
          <TextField name="title" label="标题" value={v.title} errors={e} required maxLength={300} />
          <TextArea name="summary" label="内容概述" value={v.summary} errors={e} rows={3} maxLength={2000} />
          {interp ? null : (
            <>
              <TextField name="issuers" label="发文机关" value={v.issuers} errors={e} hint="多个机关用“；”分隔。" maxLength={500} />
              <TextField name="doc_number" label="发文字号" value={v.doc_number} errors={e} hint="如：京西政发〔2022〕5号；方括号、圆括号会自动规范为六角括号。" maxLength={100} />
              <TextField name="written_on" label="成文日期" type="date" value={v.written_on} errors={e} />
            </>
          )}
          <TextField name="formed_on" label="信息形成（变更）日期" type="date" value={v.formed_on} errors={e} hint="主动公开信息应自形成或变更之日起20个工作日内公开（条例第二十六条）。" />
          <SelectField name="topic_code" label="主题分类" value={v.topic_code} errors={e} options={view.options.topics} placeholder="请选择" />
          {interp ? null : <SelectField name="genre_code" label="体裁" value={v.genre_code} errors={e} options={view.options.genres} placeholder="请选择" />}
          <TextField name="keywords" label="关键词" value={v.keywords} errors={e} maxLength={200} />
        </fieldset>
        {interp ? (
          <fieldset>
            <legend>解读信息</legend>
            <SelectField name="interp_form" label="解读形式" value={v.interp_form} errors={e} required placeholder="请选择"
              options={Object.entries(INTERPRETATION_FORMS).map(([value, label]) => ({ value, label }))} />
            <TextField name="interp_unit" label="解读单位" value={v.interp_unit} errors={e} required maxLength={100} />
            <TextField name="interp_person" label="解读人" value={v.interp_person} errors={e} maxLength={100} />
            <fieldset class={e?.policy_ids ? 'field field-error' : 'field'} id="f-policy_ids">
              <legend>所解读的政策文件 <span class="required" aria-hidden="true">*</span></legend>
              {e?.policy_ids ? <p class="error">{e.policy_ids}</p> : null}
              {view.options.policies.length === 0 ? <p class="hint">本单位还没有标记为政策性文件的文件。</p> : null}
              {view.options.policies.map((p) => (
                <Checkbox key={p.value} name="policy_ids" value={p.value} checked={v.policy_ids.includes(p.value)} label={p.label} />
              ))}
            </fieldset>
          </fieldset>
        ) : null}
        <fieldset>
          <legend>公开属性（源头认定）</legend>
          {view.mode === 'revise' ? (
            <>
              <p>{DISCLOSURE_LABELS[v.disclosure as keyof typeof DISCLOSURE_LABELS]}</p>
              <input type="hidden" name="disclosure" value={v.disclosure} />
            </>
          ) : (
            <div class={e?.disclosure ? 'field field-error' : 'field'} id="f-disclosure" role="radiogroup" aria-label="公开属性">
              {e?.disclosure ? <p class="error">{e.disclosure}</p> : null}
              {Object.entries(DISCLOSURE_LABELS).map(([value, label]) => (
                <div class="radio" key={value}>
                  <input type="radio" id={`f-disclosure-${value}`} name="disclosure" value={value} checked={v.disclosure === value} />
                  <label for={`f-disclosure-${value}`}>{label}</label>
                </div>
              ))}
            </div>
          )}
          <SelectField name="catalog_code" label="主动公开目录类别" value={v.catalog_code} errors={e} options={view.options.catalog} placeholder="请选择（主动公开必选）"
            hint="依据条例第二十条、第二十一条确定本信息属于哪一类法定主动公开内容。" />
          {view.mode === 'revise' ? null : (
            <>
              <SelectField name="withheld_reason" label="不予公开理由" value={v.withheld_reason} errors={e} placeholder="（仅不予公开时填写）"
                options={Object.entries(WITHHELD_REASONS).map(([value, r]) => ({ value, label: `${r.label}（${r.article}）` }))} />
              <TextField name="withheld_basis" label="不予公开依据" value={v.withheld_basis} errors={e} maxLength={500} hint="如：《中华人民共和国保守国家秘密法》第X条；定密审批文号等。" />
            </>
          )}
          <fieldset class="field">
            <legend>公开方式</legend>
            {DISCLOSURE_METHODS.map((m) => (
              <Checkbox key={m} name="disclosure_methods" value={m} checked={v.disclosure_methods.includes(m)} label={m} />
            ))}
          </fieldset>
          {interp ? null : (
            <>
              <Checkbox name="is_policy" value="1" checked={v.is_policy} label="政策性文件（须同时报送政策解读）" />
              <Checkbox name="is_penalty_decision" value="1" checked={v.is_penalty_decision} label="行政处罚决定" />
            </>
          )}
        </fieldset>
        {/* public/js/richtext.js turns this into a rich-text editor; the textarea stays the submitted field. */}
        <div class="richtext-field" data-richtext="body" data-rte-labels={RTE_LABELS}>
          <TextArea name="body" label="正文" value={v.body} errors={e} rows={16} maxLength={MAX_BODY_CHARS}
            hint={`可直接粘贴 Word 内容或输入纯文本（空行分段），最多${MAX_BODY_CHARS.toLocaleString('en-US')}个字符（含排版标记），更长的内容请作为附件上传。不允许脚本和事件代码；发布前将自动检查身份证号、手机号等个人信息。`} />
        </div>
        {view.mode === 'revise' ? <TextArea name="change_note" label="修订说明" value={v.change_note} errors={e} rows={3} required /> : null}
        <button type="submit" class="button" data-testid="document-save">{view.mode === 'revise' ? '保存修订' : '保存草稿'}</button>
      </PostForm>
      <script src="/static/js/richtext.js" defer></script>
    </AdminLayout>
  );
}
