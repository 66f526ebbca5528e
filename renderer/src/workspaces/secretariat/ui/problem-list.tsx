import { Alert } from 'antd';
import type { Bilingual } from '../store/messages.js';
import { useSec } from '../store/use-secretariat.js';

/** Every reason a change was refused, all at once, in the UI's language. */
export function ProblemList({ problems, testId, title }: { problems: readonly Bilingual[]; testId: string; title?: string }) {
  const { text } = useSec();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {problems.map((p, i) => (
            <li key={i}>{text(p)}</li>
          ))}
        </ul>
      }
    />
  );
}
