/** 站内搜索: a placeholder until full-text search arrives; it echoes the query (escaped by the renderer). */
import type { PageContext } from '../../platform/page.ts';
import { PublicLayout } from '../../views/layout.tsx';

export function SearchPage({ ctx, query }: { ctx: PageContext; query: string }) {
  return (
    <PublicLayout ctx={ctx} title="站内搜索">
      <section class="search-page">
        <h1>站内搜索</h1>
        <form action="/search" method="get" class="field" data-testid="search-form">
          <label for="search-q">搜索关键词</label>
          <div class="button-row">
            <input id="search-q" name="q" type="search" value={query} maxLength={100} />
            <button type="submit" class="button">搜索</button>
          </div>
        </form>
        {query ? (
          <p data-testid="search-query">
            您搜索的是：<strong>{query}</strong>
          </p>
        ) : null}
        <p class="notice" role="status">
          全文检索功能即将上线。目前您可以在<a href="/zwgk">政府信息公开</a>栏目按单位查看政府信息公开工作机构及其联系方式。
        </p>
      </section>
    </PublicLayout>
  );
}
