import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { OrgFormValues, OrgOption } from '../present.ts';
import { FIELD_LABELS, KIND_LABELS, ORG_KINDS } from '../schemas.ts';

export interface OrganizationFormView {
  /** absent when creating */
  id?: number;
  /** the organization's current name, for the heading when editing */
  currentName?: string;
  values: OrgFormValues;
  errors?: FieldErrors | undefined;
  parentOptions: OrgOption[];
  /** a unit administrator edits only the office details; the rest is shown, not submitted */
  officeOnly: boolean;
  /** label of the current parent, for the read-only view */
  parentLabel?: string;
}

const KIND_OPTIONS = ORG_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));

function OfficeFields({ values, errors }: { values: OrgFormValues; errors?: FieldErrors | undefined }) {
  return (
    <fieldset>
      <legend>政府信息公开工作机构</legend>
      <p class="hint">以下信息将在本单位的政府信息公开指南中向社会公布（《政府信息公开条例》第十二条）。</p>
      <TextField name="officeName" label={FIELD_LABELS.officeName!} value={values.officeName} errors={errors} maxLength={100} hint="例如：区人民政府办公室（区政务公开办）" />
      <TextField name="officeAddress" label={FIELD_LABELS.officeAddress!} value={values.officeAddress} errors={errors} maxLength={200} />
      <TextField name="officePostcode" label={FIELD_LABELS.officePostcode!} value={values.officePostcode} errors={errors} maxLength={6} inputMode="numeric" hint="6位数字" />
      <TextField name="officeHours" label={FIELD_LABELS.officeHours!} value={values.officeHours} errors={errors} maxLength={200} hint="例如：工作日 上午9:00—12:00，下午13:30—17:30（法定节假日除外）" />
      <TextField name="officePhone" label={FIELD_LABELS.officePhone!} value={values.officePhone} errors={errors} maxLength={50} type="tel" inputMode="tel" hint="例如：010-61234567转8001" />
      <TextField name="officeFax" label={FIELD_LABELS.officeFax!} value={values.officeFax} errors={errors} maxLength={50} type="tel" inputMode="tel" />
      <TextField name="officeEmail" label={FIELD_LABELS.officeEmail!} value={values.officeEmail} errors={errors} maxLength={100} type="email" inputMode="email" />
    </fieldset>
  );
}

/** Create or edit an organization. */
export function OrganizationFormPage({ ctx, view }: { ctx: PageContext; view: OrganizationFormView }) {
  const { values, errors } = view;
  const editing = view.id !== undefined;
  const title = editing ? (view.officeOnly ? '编辑政府信息公开工作机构信息' : '编辑单位') : '新建单位';
  const action = editing ? `/admin/organizations/${view.id}` : '/admin/organizations';
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href="/admin/organizations">组织机构</a>
        {editing ? <> › <a href={`/admin/organizations/${view.id}`}>{view.currentName}</a></> : null}
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} labels={FIELD_LABELS} />
      <PostForm action={action} csrfToken={ctx.csrfToken} testId="org-form">
        {view.officeOnly ? (
          <section aria-labelledby="basic-title">
            <h2 id="basic-title">基本信息</h2>
            <p class="hint">单位名称、编码、类型和上级单位由系统管理员维护。</p>
            <dl class="summary" data-testid="org-readonly">
              <dt>单位名称</dt><dd>{values.name}</dd>
              <dt>简称</dt><dd>{values.shortName || '—'}</dd>
              <dt>单位编码</dt><dd>{values.code}</dd>
              <dt>单位类型</dt><dd>{KIND_LABELS[values.kind as keyof typeof KIND_LABELS] ?? values.kind}</dd>
              <dt>上级单位</dt><dd>{view.parentLabel || '—'}</dd>
            </dl>
          </section>
        ) : (
          <fieldset>
            <legend>基本信息</legend>
            <TextField name="name" label={FIELD_LABELS.name!} value={values.name} errors={errors} required maxLength={100} />
            <TextField name="shortName" label={FIELD_LABELS.shortName!} value={values.shortName} errors={errors} maxLength={50} hint="用于列表和导航，可不填。" />
            <TextField
              name="code"
              label={FIELD_LABELS.code!}
              value={values.code}
              errors={errors}
              required
              maxLength={20}
              hint="2至20个字符，只能包含大写字母、数字和连字符，用于生成索引号，设定后请勿随意修改。"
            />
            <SelectField name="kind" label={FIELD_LABELS.kind!} value={values.kind} errors={errors} options={KIND_OPTIONS} required />
            <SelectField
              name="parentId"
              label={FIELD_LABELS.parentId!}
              value={values.parentId}
              errors={errors}
              options={view.parentOptions}
              placeholder="无（区人民政府不设上级单位）"
              hint="部门（委办局）和街道（乡镇）须选择上级单位。"
            />
            <TextField name="sortOrder" label={FIELD_LABELS.sortOrder!} value={values.sortOrder} errors={errors} maxLength={4} inputMode="numeric" hint="数字越小越靠前。" />
          </fieldset>
        )}
        <OfficeFields values={values} errors={errors} />
        <button type="submit" class="button" data-testid="org-submit">{editing ? '保存修改' : '创建单位'}</button>{' '}
        <a href={editing ? `/admin/organizations/${view.id}` : '/admin/organizations'}>取消</a>
      </PostForm>
    </AdminLayout>
  );
}
