import type { ReactNode } from 'react';
import './gate-card.css';

/**
 * The declaration's frame, drawn as antd's Card draws a titled card, from antd's own theme
 * variables. Not antd's Card: that one imports Tabs (and with it Menu and Dropdown) and
 * Skeleton, whose code and CSS would be most of what the first screen loads
 * (docs/ARCHITECTURE.md, "The first screen").
 */
export function GateCard({ title, children, testId }: { title: ReactNode; children: ReactNode; testId: string }) {
  return (
    <div className="zqa-gate-card zqa-plain-card" data-testid={testId}>
      <div className="zqa-plain-card-head">{title}</div>
      <div className="zqa-plain-card-body">{children}</div>
    </div>
  );
}
