/** 网站地图: every public page of the site, with the units on the 政府信息公开 page. */
import type { PageContext } from '../../platform/page.ts';
import type { PublicOrganization } from '../../organizations/present.ts';
import { PublicLayout } from '../../views/layout.tsx';

export function SitemapPage({ ctx, orgs }: { ctx: PageContext; orgs: PublicOrganization[] }) {
  return (
    <PublicLayout ctx={ctx} title="网站地图">
      <h1>网站地图</h1>
      <nav class="sitemap" aria-label="网站地图" data-testid="sitemap">
        <ul>
          <li><a href="/">首页</a></li>
          <li>
            <a href="/zwgk">政府信息公开</a>
            {orgs.length > 0 ? (
              <ul>
                <li><a href="/zwgk/fdzdgknr">法定主动公开内容</a></li>
                {orgs.map((o) => (
                  <li key={o.code}><a href={`/zwgk/${o.code}`}>{o.name}</a></li>
                ))}
              </ul>
            ) : null}
          </li>
          <li><a href="/zcwj">政策文件</a></li>
          <li><a href="/zcjd">政策解读</a></li>
          <li><a href="/search">站内搜索</a></li>
          <li><a href="/sitemap" aria-current="page">网站地图</a></li>
          <li><a href="/login">工作人员入口</a></li>
        </ul>
      </nav>
    </PublicLayout>
  );
}
