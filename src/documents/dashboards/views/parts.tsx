/** Pieces shared by the supervision dashboards. */
import type { ComponentChildren } from 'preact';

const BOARDS = [
  { key: 'deadlines', href: '/admin/documents/deadlines', label: '公开期限' },
  { key: 'interpretations', href: '/admin/documents/interpretations', label: '政策解读情况' },
  { key: 'withheld', href: '/admin/documents/withheld-review', label: '不予公开复审' },
] as const;

export type BoardKey = (typeof BOARDS)[number]['key'];

/** Links between the three boards and back to the document list. */
export function BoardNav({ current }: { current: BoardKey }) {
  return (
    <nav aria-label="公开监督" class="actions">
      <a href="/admin/documents">政府信息列表</a>
      {BOARDS.map((b) => (
        <span key={b.key}>
          {' · '}
          <a href={b.href} aria-current={b.key === current ? 'page' : undefined}>{b.label}</a>
        </span>
      ))}
    </nav>
  );
}

/** A captioned table that scrolls on its own on narrow screens (keyboard-focusable region). */
export function DataTable(p: { caption: string; headers: string[]; testId: string; children: ComponentChildren; numeric?: number[] }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={p.caption}>
      <table data-testid={p.testId}>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {p.headers.map((h, i) => (
              <th key={h} scope="col" class={p.numeric?.includes(i) ? 'num' : undefined}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{p.children}</tbody>
      </table>
    </div>
  );
}

/** A flag that does not rely on colour alone. */
export function OverdueFlag({ overdue, children }: { overdue: boolean; children: ComponentChildren }) {
  return overdue ? <strong class="badge">{children}</strong> : <span>{children}</span>;
}
