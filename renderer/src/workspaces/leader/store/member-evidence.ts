import { useLiveQuery } from 'dexie-react-hooks';
import type { ScoresheetContent } from '../../../../../shared/packages/content/scoresheet.js';
import { getDatabase } from '../../../db/database.js';

/**
 * What each member saw on site for one item, as their signed scoresheet carries it: their
 * observations with the photos linked to them, and the photos they filed under the item
 * without an observation. The leader reads it beside the members' scores while settling.
 */
export interface MemberPhoto {
  id: string;
  fileName: string;
  caption: string;
  blob: Blob;
}

export interface MemberObservation {
  id: string;
  text: string;
  evidence: string;
  photos: MemberPhoto[];
}

export interface MemberEvidence {
  memberKeyId: string;
  memberName: string;
  observations: MemberObservation[];
  /** Photos filed under the item that no observation of the item names. */
  itemPhotos: MemberPhoto[];
}

/** One member's evidence for `itemId`, from the sheet's content and its attachments' plaintext (photos only). */
export function memberEvidenceFor(content: ScoresheetContent, blobs: Readonly<Record<string, Blob>>, itemId: string): Omit<MemberEvidence, 'memberKeyId' | 'memberName'> {
  const photos = new Map<string, MemberPhoto>();
  for (const a of content.attachments) {
    const blob = blobs[a.id];
    if (blob && a.mediaType.startsWith('image/')) photos.set(a.id, { id: a.id, fileName: a.fileName, caption: a.caption ?? '', blob });
  }
  const observations = content.observations
    .filter((o) => o.itemId === itemId)
    .map((o) => ({ id: o.id, text: o.text, evidence: o.evidence, photos: o.attachmentIds.flatMap((id) => photos.get(id) ?? []) }));
  const linked = new Set(observations.flatMap((o) => o.photos.map((p) => p.id)));
  const itemPhotos = content.attachments.filter((a) => a.itemId === itemId && !linked.has(a.id)).flatMap((a) => photos.get(a.id) ?? []);
  return { observations, itemPhotos };
}

/** Every member's evidence for the item (latest scoresheet each), members with none left out. */
export function useMemberEvidence(reviewId: string, itemId: string): MemberEvidence[] | undefined {
  return useLiveQuery(async () => {
    const sheets = await getDatabase().memberScoresheets.where('reviewId').equals(reviewId).toArray();
    return sheets
      .map((s) => ({ memberKeyId: s.memberKeyId, memberName: s.memberName, ...memberEvidenceFor(s.content, s.attachments, itemId) }))
      .filter((e) => e.observations.length > 0 || e.itemPhotos.length > 0);
  }, [reviewId, itemId]);
}
