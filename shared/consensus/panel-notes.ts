import { err, ok, type Result } from '../util/result.js';
import type { NoteSource, PanelNote } from './consensus-record.js';
import type { MemberNote, MemberScores } from './member-scores.js';

/**
 * The leader builds the panel's strengths and OFIs from the members' own: chosen as
 * written, edited, merged, or written fresh. Each keeps its sources, so the report and
 * the secretariat can trace every panel statement back to the members who made it.
 */
export type NoteKind = 'strengths' | 'ofis';

export function chooseNote(id: string, memberId: string, note: MemberNote): PanelNote {
  return { id, text: note.text.trim(), origin: 'chosen', sources: [{ memberId, noteId: note.id }] };
}

export function editNote(id: string, source: NoteSource, text: string): PanelNote {
  return { id, text: text.trim(), origin: 'edited', sources: [source] };
}

export function mergeNotes(id: string, sources: readonly NoteSource[], text: string): PanelNote {
  return { id, text: text.trim(), origin: 'merged', sources: [...sources] };
}

export function writeNote(id: string, text: string): PanelNote {
  return { id, text: text.trim(), origin: 'written', sources: [] };
}

/** Every source of a panel note names a real note of that member, on the same item and kind. */
export function checkProvenance(itemId: string, kind: NoteKind, notes: readonly PanelNote[], sheets: readonly MemberScores[]): Result<true, string> {
  const byMember = new Map(sheets.map((s) => [s.memberId, s]));
  for (const note of notes) {
    for (const source of note.sources) {
      const sheet = byMember.get(source.memberId);
      if (!sheet) return err(`panel note ${note.id} cites ${source.memberId}, whose scoresheet is not here`);
      const found = sheet.items[itemId]?.[kind].some((n) => n.id === source.noteId);
      if (!found) return err(`panel note ${note.id} cites ${source.memberId}'s note ${source.noteId}, which is not among their ${kind} for item ${itemId}`);
    }
  }
  return ok(true);
}
