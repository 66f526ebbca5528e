import { Button, Flex, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import type { NoteKind, NoteRecord } from '../store/records.js';
import { addNote } from '../store/note-writes.js';
import { dropNoteDraft, EMPTY_DRAFT, isLeftoverOf, keepNoteDraft, loadNoteDraft, type NoteDraft } from '../store/note-drafts.js';

const EMPTY_EVIDENCE = { document: '', intervieweeRole: '', place: '' };

/**
 * Adds a note (Ctrl+Enter or the button). Site observations also take their evidence
 * reference. What is typed is kept as a draft (note-drafts.ts) until the note is added.
 * Mounted once per item and kind (NotesSection keys it), so a draft never follows the
 * expert to the next item.
 */
export function NoteEditor({ itemId, kind, added }: { itemId: string; kind: NoteKind; added: NoteRecord[] | undefined }) {
  const { t } = useTranslation();
  const { review, save } = useReview();
  const [draft, setDraft] = useState<NoteDraft>(() => loadNoteDraft(review.id, itemId, kind) ?? EMPTY_DRAFT);
  // Once the item's notes are read: a kept draft that is a note already added is dropped
  // (state adjusted while rendering, the kept copy removed after).
  const [leftover, setLeftover] = useState<'unchecked' | 'none' | 'dropped'>('unchecked');
  if (leftover === 'unchecked' && added) {
    const isLeftover = isLeftoverOf(draft, added);
    setLeftover(isLeftover ? 'dropped' : 'none');
    if (isLeftover) setDraft(EMPTY_DRAFT);
  }
  useEffect(() => {
    if (leftover === 'dropped') dropNoteDraft(review.id, itemId, kind);
  }, [leftover, review.id, itemId, kind]);
  const { text } = draft;
  const evidence = draft.evidence ?? EMPTY_EVIDENCE;
  const change = (next: NoteDraft) => {
    setDraft(next);
    keepNoteDraft(review.id, itemId, kind, next);
  };
  const add = async () => {
    if (!text.trim()) return;
    // Its text is on screen already, in the editor: "saving" shows at once, not after 100 ms.
    const id = await save((ctx) => addNote(ctx, review.id, itemId, { kind, text, evidence: kind === 'observation' ? evidence : null }), { alreadyOnScreen: true });
    if (id) {
      dropNoteDraft(review.id, itemId, kind);
      setDraft(EMPTY_DRAFT);
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
      onChange={(e) => change({ text, evidence: { ...evidence, [key]: e.target.value } })}
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
        onChange={(e) => change({ text: e.target.value, evidence: kind === 'observation' ? evidence : null })}
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
