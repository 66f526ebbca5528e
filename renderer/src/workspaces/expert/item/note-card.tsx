import { Button, Flex, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import type { NoteRecord } from '../store/records.js';
import { deleteNote, updateNote } from '../store/note-writes.js';
import { useAutosaveText } from '../../../ui/common/use-autosave-text.js';
import { formatDateTime } from '../../../ui/common/date-time.js';

export function NoteCard({ note }: { note: NoteRecord }) {
  const { t } = useTranslation();
  const { ctx, save } = useReview();
  const [editing, setEditing] = useState(false);
  const { text, onChange, flush } = useAutosaveText(note.text, (value) => (value.trim() ? updateNote(ctx, note.id, { text: value }) : Promise.resolve()));
  const e = note.evidence;
  const evidence = e && [e.document && `${t('notes.document')}${t('punct.colon')}${e.document}`, e.intervieweeRole && `${t('notes.interviewee')}${t('punct.colon')}${e.intervieweeRole}`, e.place && `${t('notes.place')}${t('punct.colon')}${e.place}`].filter(Boolean);
  return (
    <div className="zqa-note" data-testid="note">
      {editing ? (
        <Input.TextArea value={text} onChange={(ev) => onChange(ev.target.value)} onBlur={flush} autoSize={{ minRows: 2 }} autoFocus data-testid="note-edit" />
      ) : (
        <Typography.Paragraph className="zqa-note-text" data-testid="note-text">{note.text}</Typography.Paragraph>
      )}
      {evidence && evidence.length > 0 && (
        <Typography.Text type="secondary" className="zqa-note-evidence" data-testid="note-evidence">
          {evidence.join(' · ')}
        </Typography.Text>
      )}
      <Flex justify="space-between" align="center" wrap>
        <Typography.Text type="secondary" className="zqa-hint">
          {t('notes.by', { time: formatDateTime(note.updatedAt) })}
        </Typography.Text>
        <Flex gap="small">
          <Button
            size="small"
            type="link"
            onClick={() => {
              if (editing) flush();
              setEditing(!editing);
            }}
          >
            {editing ? t('notes.done') : t('notes.edit')}
          </Button>
          <Popconfirm title={t('notes.confirmDelete')} onConfirm={() => void save((c) => deleteNote(c, note.id))}>
            <Button size="small" type="link" danger>
              {t('notes.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </div>
  );
}
