import type { ReactNode } from 'react';

/**
 * One fact of a <dl className="facts">: what it is and its value. `wide` spans the row (a summary);
 * `testId` marks the value for the tests that read it.
 */
export function Fact({ label, children, wide, testId }: { label: string; children: ReactNode; wide?: boolean; testId?: string }) {
  return (
    <div className={wide ? 'fact fact--wide' : 'fact'}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
