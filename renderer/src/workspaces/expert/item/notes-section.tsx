import { Card, Flex, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import type { NoteKind } from '../store/records.js';
import { useItemNotes } from '../store/use-review-data.js';
import { NoteCard } from './note-card.js';
import { NoteEditor } from './note-editor.js';

/** One kind of note for an item: the list, then a box to add another. */
export const NotesSection = memo(function NotesSection({ itemId, kind }: { itemId: string; kind: NoteKind }) {
  const { t } = useTranslation();
  const { review } = useReview();
  const read = useItemNotes(review.id, itemId)?.filter((n) => n.kind === kind);
  const notes = read ?? [];
  const label = t(`notes.${kind}`);
  return (
    <Card size="small" title={`${label}${t('punct.paren', { text: notes.length })}`} data-testid={`notes-${kind}`} className={`zqa-notes zqa-notes-${kind}`}>
      <Flex vertical gap="small">
        {notes.length === 0 && <Typography.Text type="secondary">{t('notes.none', { kind: label })}</Typography.Text>}
        {notes.map((note) => (
          <NoteCard key={note.id} note={note} />
        ))}
        <NoteEditor key={`${review.id}/${itemId}/${kind}`} itemId={itemId} kind={kind} added={read} />
      </Flex>
    </Card>
  );
});
