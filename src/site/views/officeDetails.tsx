/** The contact details of a 政府信息公开工作机构 (条例第十二条: name, address, hours, phone, fax, internet contact). */
import type { PublicOrganization } from '../../organizations/present.ts';

function Value({ text }: { text: string }) {
  return text ? <>{text}</> : <span class="muted">暂无</span>;
}

export function OfficeDetails({ org, testId }: { org: PublicOrganization; testId?: string }) {
  return (
    <dl class="office" data-testid={testId}>
      <dt>机构名称</dt>
      <dd><Value text={org.officeName} /></dd>
      <dt>办公地址</dt>
      <dd><Value text={org.officeAddress} /></dd>
      <dt>邮政编码</dt>
      <dd><Value text={org.officePostcode} /></dd>
      <dt>办公时间</dt>
      <dd><Value text={org.officeHours} /></dd>
      <dt>联系电话</dt>
      <dd><Value text={org.officePhone} /></dd>
      <dt>传真</dt>
      <dd><Value text={org.officeFax} /></dd>
      <dt>电子邮箱</dt>
      <dd>{org.officeEmail ? <a href={`mailto:${org.officeEmail}`}>{org.officeEmail}</a> : <Value text="" />}</dd>
    </dl>
  );
}
