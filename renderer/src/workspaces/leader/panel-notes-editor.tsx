import { Button, Checkbox, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteSource, PanelNote } from '../../../../shared/consensus/consensus-record.js';
import { chooseNote, editNote, mergeNotes, writeNote, type NoteKind } from '../../../../shared/consensus/panel-notes.js';
import { useLeader } from './leader-context.js';

const newId = (kind: NoteKind) => `${kind === 'strengths' ? 'ps' : 'po'}-${crypto.randomUUID().slice(0, 12)}`;
const sourceKey = (s: NoteSource) => `${s.memberId}/${s.noteId}`;

/**
 * The leader builds the panel's strengths or OFIs for one item from the members' own: use
 * selected notes as written, merge several into one, edit one, or write the panel's own.
 * Each saved list is one consensus edit; every panel note keeps its sources.
 */
export function PanelNotesEditor({ itemId, kind }: { itemId: string; kind: NoteKind }) {
  const { t } = useTranslation();
  const { model, consensus, edit } = useLeader();
  const notes = consensus.items.find((i) => i.itemId === itemId)?.[kind] ?? [];
  const [selected, setSelected] = useState<NoteSource[]>([]);
  const [dialog, setDialog] = useState<{ mode: 'merge' | 'write' | 'edit'; text: string; noteId?: string } | null>(null);
  const editKind = kind === 'strengths' ? 'consensus-strengths' : 'consensus-ofis';
  const save = (next: PanelNote[]) => edit({ kind: editKind, itemId, to: next });
  const used = new Set(notes.flatMap((n) => n.sources.map(sourceKey)));
  const memberNotes = model.sheets.flatMap((s) => (s.items[itemId]?.[kind] ?? []).map((n) => ({ memberId: s.memberId, note: n })));
  const textOf = (s: NoteSource) => memberNotes.find((m) => m.memberId === s.memberId && m.note.id === s.noteId)?.note.text ?? '';
  const label = t(`leader.${kind}`);

  const choose = async () => {
    const fresh = selected.filter((s) => !used.has(sourceKey(s))).map((s) => chooseNote(newId(kind), s.memberId, { id: s.noteId, text: textOf(s) }));
    if (fresh.length > 0 && (await save([...notes, ...fresh]))) setSelected([]);
  };
  const confirm = async () => {
    if (!dialog || !dialog.text.trim()) return;
    let next: PanelNote[];
    if (dialog.mode === 'merge') next = [...notes, mergeNotes(newId(kind), selected, dialog.text)];
    else if (dialog.mode === 'write') next = [...notes, writeNote(newId(kind), dialog.text)];
    else
      next = notes.map((n) => {
        if (n.id !== dialog.noteId) return n;
        if (n.origin === 'chosen' || n.origin === 'edited') return n.text === dialog.text.trim() ? n : editNote(n.id, n.sources[0]!, dialog.text);
        return { ...n, text: dialog.text.trim() };
      });
    if (await save(next)) {
      setDialog(null);
      if (dialog.mode === 'merge') setSelected([]);
    }
  };

  return (
    <div className="zqa-notes-columns" data-testid={`notes-${kind}`}>
      <div>
        <Typography.Text strong>{t('leader.membersNotes')}</Typography.Text>
        {memberNotes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leader.noMemberNotes', { kind: label })} />
        ) : (
          memberNotes.map(({ memberId, note }) => {
            const key = `${memberId}/${note.id}`;
            const isSelected = selected.some((s) => sourceKey(s) === key);
            return (
              <label key={key} className="zqa-member-note" data-testid={`member-note-${kind}`}>
                <Checkbox
                  checked={isSelected}
                  onChange={(e) => setSelected(e.target.checked ? [...selected, { memberId, noteId: note.id }] : selected.filter((s) => sourceKey(s) !== key))}
                />
                <span>
                  <Typography.Text type="secondary">{model.names.get(memberId)}{t('punct.colon')}</Typography.Text>
                  {note.text} {used.has(key) && <Tag>{t('leader.inUse')}</Tag>}
                </span>
              </label>
            );
          })
        )}
        <Space wrap style={{ marginTop: '0.5em' }}>
          <Button size="small" disabled={selected.length === 0} onClick={() => void choose()} data-testid={`choose-${kind}`}>{t('leader.choose')}</Button>
          <Button size="small" disabled={selected.length < 2} onClick={() => setDialog({ mode: 'merge', text: selected.map(textOf).join('') })} data-testid={`merge-${kind}`}>{t('leader.merge')}</Button>
          <Button size="small" onClick={() => setDialog({ mode: 'write', text: '' })} data-testid={`write-${kind}`}>{t('leader.write')}</Button>
        </Space>
      </div>
      <div>
        <Typography.Text strong>{t('leader.panelNotes')}</Typography.Text>
        {notes.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leader.noPanelNotes', { kind: label })} />}
        {notes.map((n) => (
          <div key={n.id} className="zqa-panel-note" data-testid={`panel-note-${kind}`}>
            <p>{n.text}</p>
            <Space wrap size="small">
              <Tag>{t(`leader.origin.${n.origin}`)}</Tag>
              {n.sources.length > 0 && <Typography.Text type="secondary" className="zqa-hint">{t('leader.from', { names: [...new Set(n.sources.map((s) => model.names.get(s.memberId) ?? s.memberId))].join('、') })}</Typography.Text>}
              <Button size="small" type="link" onClick={() => setDialog({ mode: 'edit', text: n.text, noteId: n.id })}>{t('leader.edit')}</Button>
              <Button size="small" type="link" danger onClick={() => void save(notes.filter((x) => x.id !== n.id))}>{t('leader.remove')}</Button>
            </Space>
          </div>
        ))}
      </div>
      <Modal
        open={dialog !== null}
        title={dialog?.mode === 'merge' ? t('leader.mergeTitle', { count: selected.length }) : dialog?.mode === 'write' ? t('leader.writeTitle') : t('leader.editTitle')}
        okText={t('leader.ok')}
        cancelText={t('leader.cancel')}
        onOk={() => void confirm()}
        okButtonProps={{ disabled: !dialog?.text.trim(), ...{ 'data-testid': 'note-dialog-ok' } }}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Input.TextArea autoSize={{ minRows: 3 }} value={dialog?.text ?? ''} onChange={(e) => dialog && setDialog({ ...dialog, text: e.target.value })} data-testid="note-dialog-text" />
      </Modal>
    </div>
  );
}
