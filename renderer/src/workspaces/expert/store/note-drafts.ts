import type { EvidenceReference, NoteKind } from '../../../db/records.js';
import { pageStorage, storeInPage } from '../../../host/page-storage.js';

/**
 * What an item page's note editor holds before the note is added: kept in localStorage as it
 * is typed, so a crash or a closed laptop does not lose a half-written opportunity for
 * improvement. Not in IndexedDB on purpose: writing a draft table there on every pause in
 * typing made Chromium find its store corrupted (and delete it) after a killed browser far
 * more often (docs/promises.md, L14); localStorage is a separate store. Chromium writes
 * localStorage to disk about five seconds after a change (measured: a draft typed 2.5 s
 * before a SIGKILL of the browser was lost 4 times in 5, one typed 6 s before never), so the
 * last seconds of typing before a crash of the whole browser can be missing; a crash of the
 * page alone loses nothing.
 */
export interface NoteDraft {
  text: string;
  /** The evidence fields as typed (site observations); null for the other kinds. */
  evidence: EvidenceReference | null;
}

export const EMPTY_DRAFT: NoteDraft = { text: '', evidence: null };

const keyOf = (reviewId: string, itemId: string, kind: NoteKind) => `zqa.noteDraft.${reviewId}.${itemId}.${kind}`;

function isEvidence(value: unknown): value is EvidenceReference {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v['document'] === 'string' && typeof v['intervieweeRole'] === 'string' && typeof v['place'] === 'string';
}

/** The kept draft, or null when there is none or what is kept is not a draft. */
export function loadNoteDraft(reviewId: string, itemId: string, kind: NoteKind): NoteDraft | null {
  const raw = pageStorage()?.getItem(keyOf(reviewId, itemId, kind));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    if (typeof parsed['text'] !== 'string') return null;
    const evidence = parsed['evidence'] === null || parsed['evidence'] === undefined ? null : isEvidence(parsed['evidence']) ? parsed['evidence'] : null;
    return { text: parsed['text'], evidence };
  } catch {
    return null;
  }
}

function isEmpty(draft: NoteDraft): boolean {
  return draft.text === '' && (!draft.evidence || Object.values(draft.evidence).every((v) => v === ''));
}

/**
 * Keeps the draft as typed; an emptied editor keeps nothing. Best effort: with storage full
 * the draft stays on screen only (the database, not this, is what "saved" speaks of).
 */
export function keepNoteDraft(reviewId: string, itemId: string, kind: NoteKind, draft: NoteDraft): void {
  const key = keyOf(reviewId, itemId, kind);
  if (isEmpty(draft)) pageStorage()?.removeItem(key);
  else storeInPage(key, JSON.stringify({ text: draft.text, evidence: draft.evidence }));
}

/**
 * Whether a kept draft is the leftover of a note already added: the add removes the draft, but
 * that removal reaches the disk seconds later, so a browser killed just after an add can bring
 * the added text back into the editor. Same text (and for observations the same evidence) as
 * a note already there: nothing would be lost by dropping it, and keeping it invites adding
 * the note twice.
 */
export function isLeftoverOf(draft: NoteDraft, added: readonly { text: string; evidence: EvidenceReference | null }[]): boolean {
  if (isEmpty(draft)) return false;
  const sameEvidence = (a: EvidenceReference | null, b: EvidenceReference | null) =>
    (a?.document ?? '') === (b?.document ?? '') && (a?.intervieweeRole ?? '') === (b?.intervieweeRole ?? '') && (a?.place ?? '') === (b?.place ?? '');
  return added.some((note) => note.text === draft.text && sameEvidence(note.evidence, draft.evidence));
}

/** The note was added: its draft is gone. */
export function dropNoteDraft(reviewId: string, itemId: string, kind: NoteKind): void {
  pageStorage()?.removeItem(keyOf(reviewId, itemId, kind));
}
