import { Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../app/review-context.js';
import type { NoteKind } from '../../db/records.js';
import { addNote } from '../../db/writes/note-writes.js';

const EMPTY_EVIDENCE = { document: '', intervieweeRole: '', place: '' };

/** Adds a note (Ctrl+Enter or the button). Site observations also take their evidence reference. */
export function NoteEditor({ itemId, kind }: { itemId: string; kind: NoteKind }) {
  const { t } = useTranslation();
  const { review, save } = useReview();
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState(EMPTY_EVIDENCE);
  const add = async () => {
    if (!text.trim()) return;
    const id = await save((ctx) => addNote(ctx, review.id, itemId, { kind, text, evidence: kind === 'observation' ? evidence : null }));
    if (id) {
      setText('');
      setEvidence(EMPTY_EVIDENCE);
    }
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void add();
    }
  };
  const field = (key: keyof typeof EMPTY_EVIDENCE, label: string) => (
    <Input
      size="small"
      aria-label={label}
      placeholder={label}
      data-testid={`evidence-${key}`}
      value={evidence[key]}
      onChange={(e) => setEvidence({ ...evidence, [key]: e.target.value })}
      onKeyDown={onKeyDown}
    />
  );
  return (
    <Flex vertical gap="small" className="zqa-note-editor">
      <Input.TextArea
        aria-label={t('notes.placeholder', { kind: t(`notes.${kind}`) })}
        placeholder={t('notes.placeholder', { kind: t(`notes.${kind}`) })}
        data-testid={`note-input-${kind}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        autoSize={{ minRows: 2, maxRows: 8 }}
      />
      {kind === 'observation' && (
        <Flex gap="small" wrap className="zqa-evidence-fields">
          {field('document', t('notes.document'))}
          {field('intervieweeRole', t('notes.interviewee'))}
          {field('place', t('notes.place'))}
        </Flex>
      )}
      <Flex justify="space-between" align="center">
        <span className="zqa-hint">{t('notes.ctrlEnter')}</span>
        <Button size="small" onClick={() => void add()} disabled={!text.trim()} data-testid={`note-add-${kind}`}>
          {t('notes.add')}
        </Button>
      </Flex>
    </Flex>
  );
}
