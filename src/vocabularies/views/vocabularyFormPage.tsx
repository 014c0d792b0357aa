import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ActiveBadge, ErrorSummary, PostForm, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { VocabularyFormValues } from '../present.ts';
import { CODE_MAX, FIELD_LABELS, KIND_LABELS, LABEL_MAX, type VocabularyKind } from '../schemas.ts';

export interface VocabularyFormView {
  kind: VocabularyKind;
  /** absent when adding */
  id?: number;
  /** when editing: the stored name (the heading), status and how many documents use the entry */
  current?: { label: string; active: boolean; usage: number };
  values: VocabularyFormValues;
  errors?: FieldErrors | undefined;
}

/** Add a topic or genre, or rename and reorder one (its code is fixed once documents may refer to it). */
export function VocabularyFormPage({ ctx, view }: { ctx: PageContext; view: VocabularyFormView }) {
  const { values, errors, current } = view;
  const name = KIND_LABELS[view.kind];
  const editing = view.id !== undefined;
  const title = editing ? `修改${name}` : `新增${name}`;
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p class="breadcrumb"><a href="/admin/vocabularies">分类目录</a></p>
      <h1>{title}</h1>
      {current ? (
        <p data-testid="vocab-current">
          {current.label} <ActiveBadge active={current.active} /> 已有{current.usage}条信息使用此{name}，改名后这些信息将显示新名称。
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={FIELD_LABELS} />
      <PostForm action={editing ? `/admin/vocabularies/${view.id}` : '/admin/vocabularies'} csrfToken={ctx.csrfToken} testId="vocab-form">
        {editing ? (
          <dl class="summary">
            <dt>代码</dt>
            <dd><code>{values.code}</code>（已被信息引用，不可修改）</dd>
          </dl>
        ) : (
          <>
            <input type="hidden" name="kind" value={view.kind} />
            <TextField
              name="code"
              label={FIELD_LABELS.code!}
              value={values.code}
              errors={errors}
              maxLength={CODE_MAX}
              hint={`英文字母和数字，不超过${CODE_MAX}个字符；留空则自动生成下一个编号。保存后不可修改。`}
            />
          </>
        )}
        <TextField name="label" label={FIELD_LABELS.label!} value={values.label} errors={errors} required maxLength={LABEL_MAX} hint={`不超过${LABEL_MAX}个字，同一类中不能重名。`} />
        <TextField
          name="sort_order"
          label={FIELD_LABELS.sort_order!}
          value={values.sort_order}
          errors={errors}
          maxLength={4}
          inputMode="numeric"
          hint={editing ? '数字越小越靠前。' : '数字越小越靠前；留空则排在最后。'}
        />
        <button type="submit" class="button" data-testid="vocab-submit">{editing ? '保存修改' : `新增${name}`}</button>{' '}
        <a href="/admin/vocabularies">取消</a>
      </PostForm>
    </AdminLayout>
  );
}
