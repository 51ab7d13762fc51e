import type { ReactNode } from 'react';

/**
 * 适老化 (issue 21 point 3): the simpler layout of the member's own pages keeps the secondary details one tap away
 * behind "更多" instead of removing them. A native disclosure: the browser gives it the keyboard, the expanded state
 * for a screen reader and a large target (global.css, .more-details), with no script.
 */
export function MoreDetails({ summary = '更多', children, testId }: { summary?: string; children: ReactNode; testId?: string }) {
  return (
    <details className="more-details" data-testid={testId}>
      <summary>{summary}</summary>
      <div className="more-details-body">{children}</div>
    </details>
  );
}
