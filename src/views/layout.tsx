/** The two page shells: the public government site and the staff admin. */
import type { ComponentChildren } from 'preact';
import { can, type Permission } from '../access/policy.ts';
import type { PageContext } from '../platform/page.ts';
import { CsrfField, FlashMessage } from './components.tsx';

function Head({ ctx, title }: { ctx: PageContext; title: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} - ${ctx.site.name}`}</title>
      <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/static/css/site.css" />
      <link rel="stylesheet" href="/static/css/print.css" media="print" />
    </head>
  );
}

function htmlLang(ctx: PageContext): string {
  return ctx.prefs.script === 'hant' ? 'zh-Hant' : 'zh-CN';
}

function htmlClass(ctx: PageContext): string | undefined {
  return ctx.prefs.elderly ? 'elderly' : undefined;
}

function prefHref(ctx: PageContext, key: 'script' | 'elderly', value: string): string {
  return `/preferences?${key}=${value}&back=${encodeURIComponent(ctx.path)}`;
}

/** 简体/繁體 and 适老模式 switches: plain links, so they work without JavaScript and persist by cookie. */
export function PreferenceSwitches({ ctx }: { ctx: PageContext }) {
  const hant = ctx.prefs.script === 'hant';
  return (
    <ul class="prefs" aria-label="显示设置">
      <li>
        {hant ? (
          <a href={prefHref(ctx, 'script', 'hans')} lang="zh-CN" data-testid="switch-hans">简体</a>
        ) : (
          <a href={prefHref(ctx, 'script', 'hant')} lang="zh-Hant" data-testid="switch-hant">繁體</a>
        )}
      </li>
      <li>
        {ctx.prefs.elderly ? (
          <a href={prefHref(ctx, 'elderly', 'off')} data-testid="switch-elderly-off">退出适老模式</a>
        ) : (
          <a href={prefHref(ctx, 'elderly', 'on')} data-testid="switch-elderly-on">适老模式</a>
        )}
      </li>
    </ul>
  );
}

function DemoBanner({ ctx }: { ctx: PageContext }) {
  return ctx.demo ? (
    <p class="demo-banner" data-testid="demo-banner">
      演示站点：本站内容均为演示数据，不代表任何真实政府机关。
    </p>
  ) : null;
}

// Only pages that exist: a government site must not link to 404s (错链/断链 cost points in the site inspection).
const PUBLIC_NAV = [
  { href: '/', label: '首页' },
  { href: '/zwgk', label: '政府信息公开' },
  { href: '/zcwj', label: '政策文件' },
  { href: '/zcjd', label: '政策解读' },
  { href: '/sitemap', label: '网站地图' },
];

/** The public site: header with site name, navigation and search, footer with the site's registration details. */
export function PublicLayout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const here = ctx.path.split('?')[0];
  return (
    <html lang={htmlLang(ctx)} class={htmlClass(ctx)}>
      <Head ctx={ctx} title={title} />
      <body class="public">
        <a class="skip-link" href="#main">跳到主要内容</a>
        <DemoBanner ctx={ctx} />
        <header class="site-header">
          <div class="toolbar">
            <div class="container toolbar-row">
              <span class="toolbar-welcome">欢迎访问{ctx.site.name}门户网站</span>
              <PreferenceSwitches ctx={ctx} />
            </div>
          </div>
          <div class="container header-row">
            <a class="site-name" href="/">
              <span class="emblem" aria-hidden="true">★</span>
              <span class="site-title">{ctx.site.name}</span>
            </a>
            <form class="search-box" role="search" action="/search" method="get">
              <label for="site-search" class="visually-hidden">站内搜索</label>
              <input id="site-search" name="q" type="search" placeholder="请输入关键词，如：政府信息公开" />
              <button type="submit">搜索</button>
            </form>
          </div>
          <nav class="main-nav" aria-label="主导航">
            <ul class="container">
              {PUBLIC_NAV.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={here === item.href ? 'page' : undefined}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <ul class="footer-links">
              <li><a href="/zwgk">政府信息公开</a></li>
              <li><a href="/sitemap">网站地图</a></li>
              <li><a href="/admin">工作人员入口</a></li>
            </ul>
            <ul class="footer-info">
              <li>主办单位：{ctx.site.sponsor}</li>
              <li>承办单位：{ctx.site.organizer}</li>
              <li>联系电话：{ctx.site.contact}</li>
            </ul>
            <ul class="footer-info">
              <li><a href="https://beian.miit.gov.cn/" rel="noopener">{ctx.site.icp}</a></li>
              <li>{ctx.site.psb}</li>
              <li>网站标识码：{ctx.site.siteCode}</li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

interface AdminNavItem {
  href: string;
  label: string;
  permission?: Permission;
}

export const ADMIN_NAV: AdminNavItem[] = [
  { href: '/admin', label: '工作台' },
  { href: '/admin/documents', label: '政府信息', permission: 'document.view' },
  { href: '/admin/organizations', label: '组织机构', permission: 'organization.view' },
  { href: '/admin/staff', label: '人员与权限', permission: 'staff.view' },
  { href: '/admin/calendar', label: '工作日历' },
  { href: '/admin/vocabularies', label: '分类目录', permission: 'vocabulary.manage' },
  { href: '/admin/audit', label: '审计日志', permission: 'audit.view' },
];

/** The staff admin shell: navigation limited to the modules the viewer may use. */
export function AdminLayout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const viewer = ctx.viewer;
  const here = ctx.path.split('?')[0] ?? '';
  return (
    <html lang={htmlLang(ctx)} class={htmlClass(ctx)}>
      <Head ctx={ctx} title={title} />
      <body class="admin">
        <a class="skip-link" href="#main">跳到主要内容</a>
        <DemoBanner ctx={ctx} />
        <header class="admin-header">
          <div class="container header-row">
            <a class="site-name" href="/admin">{ctx.site.name} · 政务公开管理</a>
            <PreferenceSwitches ctx={ctx} />
            {viewer ? (
              <div class="account" data-testid="account">
                <span>{viewer.displayName}</span>
                <a href="/admin/password">修改密码</a>
                <form method="post" action="/logout" class="inline">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="link-button">退出</button>
                </form>
              </div>
            ) : null}
          </div>
          {viewer ? (
            <nav class="main-nav" aria-label="管理导航">
              <ul class="container">
                {ADMIN_NAV.filter((i) => !i.permission || can(viewer, i.permission)).map((item) => (
                  <li key={item.href}>
                    <a
                      href={item.href}
                      aria-current={
                        here === item.href || (item.href !== '/admin' && here.startsWith(item.href)) ? 'page' : undefined
                      }
                    >
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="container" tabIndex={-1}>
          <FlashMessage flash={ctx.flash} />
          {children}
        </main>
        <footer class="site-footer admin-footer">
          <div class="container">
            <p>{ctx.site.name} 政务公开平台 · 工作人员使用 · <a href="/">返回网站首页</a></p>
          </div>
        </footer>
      </body>
    </html>
  );
}
