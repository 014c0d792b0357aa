/** Small view pieces shared by every page: form fields with errors beside them, the CSRF field, notices. */
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../platform/errors.ts';
import type { Flash } from '../platform/page.ts';

export function CsrfField({ token }: { token: string | null }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

/** The list of problems at the top of a form, linking to each field (GOV.UK pattern, read first by screen readers). */
export function ErrorSummary({ errors, labels }: { errors?: FieldErrors | undefined; labels?: Record<string, string> }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} data-testid="error-summary">
      <h2>提交的内容有误</h2>
      <ul>
        {Object.entries(errors).map(([field, message]) => (
          <li key={field}>
            {field === '_form' ? message : <a href={`#f-${field}`}>{labels?.[field] ? `${labels[field]}：` : ''}{message}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | number | null | undefined;
  errors?: FieldErrors | undefined;
  type?: string;
  required?: boolean;
  hint?: string;
  maxLength?: number;
  autocomplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
}

/** A labelled text input with its hint and error. */
export function TextField(p: FieldProps) {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  const describedBy = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="required" aria-hidden="true"> *</span> : null}
      </label>
      {p.hint ? <p class="hint" id={`${id}-hint`}>{p.hint}</p> : null}
      {error ? <p class="error" id={`${id}-error`}>{error}</p> : null}
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        maxLength={p.maxLength}
        autoComplete={p.autocomplete}
        inputMode={p.inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

/** A labelled textarea. */
export function TextArea(p: FieldProps & { rows?: number }) {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  const describedBy = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="required" aria-hidden="true"> *</span> : null}
      </label>
      {p.hint ? <p class="hint" id={`${id}-hint`}>{p.hint}</p> : null}
      {error ? <p class="error" id={`${id}-error`}>{error}</p> : null}
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 6}
        required={p.required}
        maxLength={p.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

/** A labelled select. */
export function SelectField(
  p: Omit<FieldProps, 'type'> & { options: Array<{ value: string; label: string }>; placeholder?: string },
) {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="required" aria-hidden="true"> *</span> : null}
      </label>
      {p.hint ? <p class="hint" id={`${id}-hint`}>{p.hint}</p> : null}
      {error ? <p class="error" id={`${id}-error`}>{error}</p> : null}
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
      >
        {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={String(p.value ?? '') === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FlashMessage({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  return (
    <div class={`flash flash-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'} data-testid="flash">
      {flash.text}
    </div>
  );
}

/** A POST form carrying the CSRF token. Works without JavaScript. */
export function PostForm(p: { action: string; csrfToken: string | null; children: ComponentChildren; class?: string; testId?: string }) {
  return (
    <form method="post" action={p.action} class={p.class} data-testid={p.testId} novalidate>
      <CsrfField token={p.csrfToken} />
      {p.children}
    </form>
  );
}

/** Status badge text for active/inactive records. */
export function ActiveBadge({ active }: { active: boolean }) {
  return <span class={active ? 'badge badge-ok' : 'badge badge-muted'}>{active ? '启用' : '已停用'}</span>;
}

/** 首页 / 上一页 / 第 n / m 页 / 下一页 / 末页, as plain links (works without JavaScript). */
export function Pagination({ pager, href }: { pager: { page: number; pages: number }; href: (page: number) => string }) {
  if (pager.pages <= 1) return null;
  return (
    <nav class="pagination" aria-label="分页" data-testid="pagination">
      {pager.page > 1 ? <a href={href(1)}>首页</a> : null}
      {pager.page > 1 ? <a href={href(Math.min(pager.page - 1, pager.pages))} rel="prev">上一页</a> : null}
      <span>第 {pager.page} / {pager.pages} 页</span>
      {pager.page < pager.pages ? <a href={href(pager.page + 1)} rel="next">下一页</a> : null}
      {pager.page < pager.pages ? <a href={href(pager.pages)}>末页</a> : null}
    </nav>
  );
}
