import type { EvidenceReference, NoteKind, NoteRecord } from '../../../db/records.js';
import { NOTE_KINDS } from '../../../db/records.js';
import { cleanText, MAX_NOTE_CHARS, MAX_SHORT_CHARS, ReviewWriteError, stamp, type WriteContext } from './write-context.js';

export interface NoteInput {
  kind: NoteKind;
  text: string;
  /** Site observations only; ignored for strengths and OFIs. */
  evidence?: EvidenceReference | null;
}

function cleanEvidence(kind: NoteKind, evidence: EvidenceReference | null | undefined): EvidenceReference | null {
  if (kind !== 'observation') return null;
  const e = evidence ?? { document: '', intervieweeRole: '', place: '' };
  const clean = {
    document: cleanText(e.document, 'the evidence document', MAX_SHORT_CHARS, false),
    intervieweeRole: cleanText(e.intervieweeRole, 'the interviewee’s role', MAX_SHORT_CHARS, false),
    place: cleanText(e.place, 'the place', MAX_SHORT_CHARS, false),
  };
  return clean;
}

export async function addNote(ctx: WriteContext, reviewId: string, itemId: string, input: NoteInput): Promise<string> {
  if (!NOTE_KINDS.includes(input.kind)) throw new ReviewWriteError(`unknown note kind ${String(input.kind)}`);
  const text = cleanText(input.text, 'the note', MAX_NOTE_CHARS, true);
  const evidence = cleanEvidence(input.kind, input.evidence);
  const s = stamp(ctx);
  const note: NoteRecord = { id: crypto.randomUUID(), reviewId, itemId, kind: input.kind, text, evidence, createdAt: s.updatedAt, createdBy: ctx.actor, ...s };
  const { db } = ctx;
  await db.transaction('rw', [db.reviews, db.notes], async () => {
    if (!(await db.reviews.get(reviewId))) throw new ReviewWriteError(`review ${reviewId} does not exist`);
    await db.notes.add(note);
  });
  return note.id;
}

export async function updateNote(ctx: WriteContext, noteId: string, patch: { text: string; evidence?: EvidenceReference | null }): Promise<void> {
  const text = cleanText(patch.text, 'the note', MAX_NOTE_CHARS, true);
  const { db } = ctx;
  await db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(noteId);
    if (!note) throw new ReviewWriteError(`note ${noteId} does not exist`);
    const evidence = patch.evidence === undefined ? note.evidence : cleanEvidence(note.kind, patch.evidence);
    await db.notes.put({ ...note, text, evidence, ...stamp(ctx) });
  });
}

export async function deleteNote(ctx: WriteContext, noteId: string): Promise<void> {
  // An explicit transaction: Dexie shows a single write's effect before it commits, and the
  // screen must not show a deletion the journal does not have yet.
  await ctx.db.transaction('rw', ctx.db.notes, () => ctx.db.notes.delete(noteId));
}
