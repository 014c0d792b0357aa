import type { PageContext } from '../../platform/page.ts';
import { ActiveBadge, PostForm } from '../../views/components.tsx';
import { AdminLayout } from '../../views/layout.tsx';
import type { CatalogItem, VocabularyItem } from '../present.ts';
import { KIND_LABELS, type VocabularyKind } from '../schemas.ts';

export interface VocabulariesView {
  topics: VocabularyItem[];
  genres: VocabularyItem[];
  catalog: CatalogItem[];
}

function VocabularyTable({ ctx, kind, items }: { ctx: PageContext; kind: VocabularyKind; items: VocabularyItem[] }) {
  const name = KIND_LABELS[kind];
  return (
    <section aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`}>{name}</h2>
      <p>
        <a class="button" href={`/admin/vocabularies/new?kind=${kind}`} data-testid={`vocab-new-${kind}`}>新增{name}</a>
      </p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={`${name}列表`}>
        <table class="data-table" data-testid={`vocab-table-${kind}`}>
          <caption>{name}（共{items.length}项，已停用的不再出现在起草表单中）</caption>
          <thead>
            <tr>
              <th scope="col">排序号</th>
              <th scope="col">代码</th>
              <th scope="col">名称</th>
              <th scope="col">状态</th>
              <th scope="col">使用的信息数</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id} data-testid={`vocab-row-${kind}-${v.code}`} class={v.active ? undefined : 'inactive'}>
                <td>{v.sortOrder}</td>
                <td><code>{v.code}</code></td>
                <th scope="row">{v.label}</th>
                <td><ActiveBadge active={v.active} /></td>
                <td data-testid={`vocab-usage-${kind}-${v.code}`}>{v.usage}</td>
                <td>
                  <a href={`/admin/vocabularies/${v.id}/edit`} aria-label={`修改${name}“${v.label}”`} data-testid={`vocab-edit-${kind}-${v.code}`}>修改</a>{' '}
                  <PostForm
                    action={`/admin/vocabularies/${v.id}/${v.active ? 'deactivate' : 'reactivate'}`}
                    csrfToken={ctx.csrfToken}
                    class="inline"
                    testId={`vocab-${v.active ? 'deactivate' : 'reactivate'}-${kind}-${v.code}`}
                  >
                    <button type="submit" class="link-button" aria-label={`${v.active ? '停用' : '重新启用'}${name}“${v.label}”`}>
                      {v.active ? '停用' : '重新启用'}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 主题分类, 体裁 and the 主动公开目录类别 with their publication limits, each with how many documents use it. */
export function VocabulariesPage({ ctx, view }: { ctx: PageContext; view: VocabulariesView }) {
  return (
    <AdminLayout ctx={ctx} title="分类目录">
      <h1>分类目录</h1>
      <p>
        {'起草政府信息时选用的主题分类、体裁和主动公开目录类别。条目只能停用、不能删除：已使用该条目的信息仍显示其名称，' +
          '停用后新起草的信息不能再选择它。'}
      </p>
      <VocabularyTable ctx={ctx} kind="topic" items={view.topics} />
      <VocabularyTable ctx={ctx} kind="genre" items={view.genres} />
      <section aria-labelledby="catalog-title">
        <h2 id="catalog-title">主动公开目录类别</h2>
        <p>
          {'类别名称为《政府信息公开条例》第二十条、第二十一条的原文，不可修改。主动公开的信息应当自形成或者变更之日起' +
            '20个工作日内公开（条例第二十六条），目录可为某一类别规定更短的公开时限。'}
        </p>
        <div class="table-wrap" tabIndex={0} role="region" aria-label="主动公开目录类别列表">
          <table class="data-table" data-testid="catalog-table">
            <caption>主动公开目录类别（共{view.catalog.length}类）</caption>
            <thead>
              <tr>
                <th scope="col">条款</th>
                <th scope="col">类别</th>
                <th scope="col">公开时限（工作日）</th>
                <th scope="col">状态</th>
                <th scope="col">使用的信息数</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {view.catalog.map((c) => (
                <tr key={c.code} data-testid={`catalog-row-${c.code}`} class={c.active ? undefined : 'inactive'}>
                  <td>{c.article}</td>
                  <th scope="row">{c.label}</th>
                  <td data-testid={`catalog-deadline-${c.code}`}>{c.deadline}</td>
                  <td><ActiveBadge active={c.active} /></td>
                  <td data-testid={`catalog-usage-${c.code}`}>{c.usage}</td>
                  <td>
                    <a href={`/admin/vocabularies/catalog/${encodeURIComponent(c.code)}/edit`} aria-label={`修改“${c.label}”的公开时限`} data-testid={`catalog-edit-${c.code}`}>
                      修改
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </AdminLayout>
  );
}
