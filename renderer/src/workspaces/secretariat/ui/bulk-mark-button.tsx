import { App, Button } from 'antd';
import type { Result } from '../../../../../shared/util/result.js';
import { same, type Bilingual } from '../store/messages.js';
import { useSec } from '../store/use-secretariat.js';

export interface BulkMarkWords {
  action: string;
  none: string;
  title: string;
  intro: string;
  ok: string;
  cancel: string;
  done: (count: number) => string;
}

/**
 * "The rest is fine" on a checklist card: one click opens a confirmation that lists exactly
 * the entries it will mark; the step runs with that list, and a list that changed meanwhile
 * is refused by the store with nothing changed. Disabled, and saying why, when nothing is left.
 */
export function BulkMarkButton({ listed, words, testId, apply, onSaved }: { listed: readonly { key: string; text: string }[]; words: BulkMarkWords; testId: string; apply: () => Promise<Result<unknown, Bilingual[]>>; onSaved: () => void }) {
  const { modal, message } = App.useApp();
  const { text } = useSec();
  const confirm = () => {
    modal.confirm({
      title: words.title,
      width: 600,
      okText: words.ok,
      cancelText: words.cancel,
      content: (
        <div data-testid={`${testId}-dialog`}>
          <p>{words.intro}</p>
          <ul>
            {listed.map((entry) => (
              <li key={entry.key} data-testid={`${testId}-listed`}>
                {entry.text}
              </li>
            ))}
          </ul>
        </div>
      ),
      onOk: async () => {
        // A store that throws (a closed database, a journal that refused) is said, not left in
        // the console with the dialog still open and nothing changed.
        const r = await apply().catch((e: unknown) => ({ ok: false as const, error: [same(String(e))] }));
        if (!r.ok) return void message.error(r.error.map(text).join(' '));
        void message.success(words.done(listed.length));
        onSaved();
      },
    });
  };
  return (
    <Button size="small" disabled={listed.length === 0} onClick={confirm} data-testid={testId}>
      {listed.length === 0 ? words.none : words.action}
    </Button>
  );
}
