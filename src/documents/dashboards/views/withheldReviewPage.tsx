/** 不予公开复审 (条例第十八条): the items due for re-review, and a form per item for the unit's 负责人. */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { PageContext } from '../../../platform/page.ts';
import { ErrorSummary, PostForm } from '../../../views/components.tsx';
import { AdminLayout } from '../../../views/layout.tsx';
import type { WithheldItemView, WithheldReviewView } from '../present.ts';
import { BoardNav, DataTable, OverdueFlag } from './parts.tsx';

/** The submitted values and errors of the one form that failed. */
export interface ReviewFormState {
  itemId: number;
  conclusion: string;
  note: string;
  errors: FieldErrors;
}

const CONCLUSIONS = [
  { value: 'keep', label: '继续不予公开', hint: '理由仍然成立；12个月后再次复审。' },
  { value: 'release', label: '情况已变化，可以公开', hint: '转为主动公开草稿，清除不予公开理由，重新履行编辑、审核、签发程序；20个工作日公开期限自今天起算。' },
] as const;

function ReviewForm({ item, csrfToken, state }: { item: WithheldItemView; csrfToken: string | null; state: ReviewFormState | undefined }) {
  const errors = state?.errors ?? {};
  const noteId = `f-note-${item.id}`;
  const conclusionId = `f-conclusion-${item.id}`;
  // Field keys carry the item id, so the error summary links to this form's fields.
  const summary: FieldErrors = Object.fromEntries(Object.entries(errors).map(([k, m]) => [k === '_form' ? k : `${k}-${item.id}`, m]));
  return (
    <section aria-labelledby={`review-title-${item.id}`} id={`review-${item.id}`} class="panel">
      <h3 id={`review-title-${item.id}`}>{item.title}</h3>
      <ErrorSummary errors={summary} labels={{ [`conclusion-${item.id}`]: '复审结论', [`note-${item.id}`]: '复审意见' }} />
      <PostForm action={`/admin/documents/${item.id}/withheld-review`} csrfToken={csrfToken} testId={`review-form-${item.id}`}>
        <fieldset class={errors.conclusion ? 'field field-error' : 'field'} aria-describedby={errors.conclusion ? `${conclusionId}-error` : undefined}>
          <legend>复审结论 <span class="required" aria-hidden="true">*</span></legend>
          {errors.conclusion ? <p class="error" id={`${conclusionId}-error`}>{errors.conclusion}</p> : null}
          {CONCLUSIONS.map((c, i) => (
            <div key={c.value}>
              <input
                type="radio"
                name="conclusion"
                value={c.value}
                id={i === 0 ? conclusionId : `${conclusionId}-${c.value}`}
                checked={state?.conclusion === c.value}
                aria-describedby={`${conclusionId}-${c.value}-hint`}
              />{' '}
              <label for={i === 0 ? conclusionId : `${conclusionId}-${c.value}`}>{c.label}</label>
              <p class="hint" id={`${conclusionId}-${c.value}-hint`}>{c.hint}</p>
            </div>
          ))}
        </fieldset>
        <div class={errors.note ? 'field field-error' : 'field'}>
          <label for={noteId}>
            复审意见<span class="required" aria-hidden="true"> *</span>
          </label>
          <p class="hint" id={`${noteId}-hint`}>写明理由是否仍然成立、情况有何变化。</p>
          {errors.note ? <p class="error" id={`${noteId}-error`}>{errors.note}</p> : null}
          <textarea
            id={noteId}
            name="note"
            rows={3}
            maxLength={1000}
            required
            aria-invalid={errors.note ? 'true' : undefined}
            aria-describedby={[`${noteId}-hint`, errors.note ? `${noteId}-error` : ''].filter(Boolean).join(' ')}
          >
            {state?.note ?? ''}
          </textarea>
        </div>
        <button type="submit" class="button">登记复审结论</button>
      </PostForm>
    </section>
  );
}

export function WithheldReviewPage(p: { ctx: PageContext; view: WithheldReviewView; failed?: ReviewFormState }) {
  const { view } = p;
  const reviewable = view.items.filter((i) => i.canReview);
  return (
    <AdminLayout ctx={p.ctx} title="不予公开复审">
      <h1>不予公开信息复审</h1>
      <BoardNav current="withheld" />
      <p>
        依据《政府信息公开条例》第十八条，行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期评估审查，对因情势变化可以公开的政府信息应当公开。本平台每12个月复审一次。下表列出复审日期在{view.reviewBy}之前（含已逾期）的不予公开信息；今天是{view.today}。
      </p>
      {view.items.length === 0 ? (
        <p data-testid="no-withheld">近30天内没有需要复审的不予公开信息。</p>
      ) : (
        <DataTable
          caption="需复审的不予公开信息"
          testId="withheld-items"
          headers={['单位', '标题', '索引号', '不予公开理由', '依据', '下次复审日期', '情况', '操作']}
        >
          {view.items.map((i) => (
            <tr key={i.id} data-testid={`withheld-${i.id}`}>
              <td>{i.orgName}</td>
              <td><a href={i.href}>{i.title}</a></td>
              <td>{i.indexNumber}</td>
              <td>{i.reason}</td>
              <td>{i.basis}</td>
              <td>{i.nextReviewOn}</td>
              <td><OverdueFlag overdue={i.overdue}>{i.state}</OverdueFlag></td>
              <td>{i.canReview ? <a href={`#review-${i.id}`}>登记复审结论</a> : '由本单位负责人复审'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {reviewable.length ? (
        <section aria-labelledby="review-forms-title">
          <h2 id="review-forms-title">登记复审结论</h2>
          {reviewable.map((i) => (
            <ReviewForm key={i.id} item={i} csrfToken={p.ctx.csrfToken} state={p.failed?.itemId === i.id ? p.failed : undefined} />
          ))}
        </section>
      ) : null}
    </AdminLayout>
  );
}
