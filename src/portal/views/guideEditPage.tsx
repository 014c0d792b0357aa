/** Admin: edit a unit's own 政府信息公开指南 text and its 政府信息公开制度 (kept current, 条例第十二条、第五十三条). */
import type { FieldErrors } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/page.ts';
import { ErrorSummary, PostForm, TextArea } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import { GUIDE_TEXT_MAX } from '../schemas.ts';

export interface GuideEditView {
  orgId: number;
  orgName: string;
  publicGuideHref: string;
  publicRulesHref: string;
  values: { guideText: string; rulesText: string };
  errors?: FieldErrors | undefined;
}

const LABELS = { guideText: '指南补充内容', rulesText: '政府信息公开制度' };

/** The admin form for a unit's guide and rules texts. */
export function GuideEditPage({ ctx, view }: { ctx: PageContext; view: GuideEditView }) {
  return (
    <AdminLayout ctx={ctx} title={`公开指南和制度 - ${view.orgName}`}>
      <p><a href={`/admin/organizations/${view.orgId}`}>返回{view.orgName}</a></p>
      <h1>{view.orgName}：政府信息公开指南和制度</h1>
      <ErrorSummary errors={view.errors} labels={LABELS} />
      <p>
        指南中的分类编排、获取方式、申请流程、答复期限、收费和监督救济部分按《条例》自动生成；工作机构的名称、地址、办公时间、电话、传真和电子邮箱取自
        <a href={`/admin/organizations/${view.orgId}/edit`}>单位的政府信息公开工作机构信息</a>。
        下面填写的内容以纯文本保存，空行分段。
      </p>
      <p>
        公开页面：<a href={view.publicGuideHref}>政府信息公开指南</a> · <a href={view.publicRulesHref}>政府信息公开制度</a>
      </p>
      <PostForm action={`/admin/organizations/${view.orgId}/guide`} csrfToken={ctx.csrfToken} testId="guide-form">
        <TextArea
          name="guideText"
          label={LABELS.guideText}
          hint={`显示在指南末尾“其他说明”部分，例如公开查阅点、在线申请地址。最多${GUIDE_TEXT_MAX}个字符。`}
          value={view.values.guideText}
          errors={view.errors}
          rows={10}
          maxLength={GUIDE_TEXT_MAX}
        />
        <TextArea
          name="rulesText"
          label={LABELS.rulesText}
          hint={`本单位的政府信息公开工作制度全文。最多${GUIDE_TEXT_MAX}个字符。`}
          value={view.values.rulesText}
          errors={view.errors}
          rows={16}
          maxLength={GUIDE_TEXT_MAX}
        />
        <p class="actions">
          <button type="submit" class="button" data-testid="save-guide">保存</button>
        </p>
      </PostForm>
    </AdminLayout>
  );
}
