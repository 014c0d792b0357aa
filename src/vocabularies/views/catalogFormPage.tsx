import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, PostForm, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { CatalogFormValues, CatalogItem } from '../present.ts';
import { FIELD_LABELS } from '../schemas.ts';

export interface CatalogFormView {
  category: CatalogItem;
  /** unpublished proactive items of the category (their due dates can be recomputed) */
  pending: number;
  values: CatalogFormValues;
  errors?: FieldErrors | undefined;
}

/** A catalog category: its text is the law's and read-only; only the publication limit and status change. */
export function CatalogFormPage({ ctx, view }: { ctx: PageContext; view: CatalogFormView }) {
  const { category: c, values, errors } = view;
  return (
    <AdminLayout ctx={ctx} title="修改主动公开目录类别">
      <p class="breadcrumb"><a href="/admin/vocabularies">分类目录</a></p>
      <h1>修改主动公开目录类别</h1>
      <dl class="summary" data-testid="catalog-readonly">
        <dt>条款</dt>
        <dd>{c.article}</dd>
        <dt>类别</dt>
        <dd>{c.label}</dd>
        <dt>使用的信息数</dt>
        <dd>{c.usage}</dd>
      </dl>
      <p class="hint">类别名称为《政府信息公开条例》原文，不可修改。</p>
      <ErrorSummary errors={errors} labels={FIELD_LABELS} />
      <PostForm action={`/admin/vocabularies/catalog/${encodeURIComponent(c.code)}`} csrfToken={ctx.csrfToken} testId="catalog-form">
        <TextField
          name="deadline_working_days"
          label={FIELD_LABELS.deadline_working_days!}
          value={values.deadline_working_days}
          errors={errors}
          required
          maxLength={2}
          inputMode="numeric"
          hint="自信息形成或者变更之日起计算，1至20个工作日。条例第二十六条规定的法定期限为20个工作日，目录只能规定更短的期限。"
        />
        <div class="field checkbox">
          <input id="f-active" name="active" type="checkbox" value="1" checked={values.active} />
          <label for="f-active">启用（停用后起草表单中不再出现此类别，已有信息不受影响）</label>
        </div>
        <p class="notice" id="f-recompute-hint">
          修改公开时限只影响此后起草或修改的信息。本类别目前有{view.pending}条尚未发布的主动公开信息；{''}
          如需按新时限调整它们的公开期限，请勾选下面的选项。
        </p>
        <div class="field checkbox">
          <input id="f-recompute" name="recompute" type="checkbox" value="1" checked={values.recompute} aria-describedby="f-recompute-hint" />
          <label for="f-recompute">同时重新计算尚未发布的信息的公开期限</label>
        </div>
        <button type="submit" class="button" data-testid="catalog-submit">保存修改</button>{' '}
        <a href="/admin/vocabularies">取消</a>
      </PostForm>
    </AdminLayout>
  );
}
