import { describe, expect, it } from 'vitest';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { memberEvidenceFor } from '../../renderer/src/workspaces/leader/store/member-evidence.js';

const ref = (id: string, fileName: string, mediaType: string, extra: object = {}) => ({ id, fileName, mediaType, size: 4, sha256: 'a'.repeat(64), ...extra });

describe('a member’s evidence for one item, as the leader reads it', () => {
  it('puts linked photos under their observation, the rest of the item’s photos under the item, and leaves other items and files out', () => {
    const content = {
      observations: [
        { id: 'o1', itemId: '4.5.3', at: '2026-12-01T08:00:00Z', text: '焊接工位作业指导书在岗', evidence: '装配车间', attachmentIds: ['p1', 'doc'] },
        { id: 'o2', itemId: '4.1.2', at: '2026-12-01T08:00:00Z', text: '质量例会纪要齐全', evidence: '', attachmentIds: ['p3'] },
      ],
      attachments: [
        ref('p1', 'IMG_0001.jpg', 'image/jpeg', { caption: '焊接工位', itemId: '4.5.3' }),
        ref('p2', '计量室.jpg', 'image/jpeg', { itemId: '4.5.3' }),
        ref('doc', '记录.txt', 'text/plain', { itemId: '4.5.3' }),
        ref('p3', '会议室.jpg', 'image/jpeg', { itemId: '4.1.2' }),
      ],
    } as unknown as ScoresheetContent;
    const blob = new Blob([new Uint8Array([1, 2, 3, 4])]);
    const blobs = { p1: blob, p2: blob, doc: blob, p3: blob };
    const evidence = memberEvidenceFor(content, blobs, '4.5.3');
    expect(evidence.observations.map((o) => [o.id, o.photos.map((p) => [p.id, p.caption])])).toEqual([['o1', [['p1', '焊接工位']]]]);
    expect(evidence.itemPhotos.map((p) => [p.id, p.caption])).toEqual([['p2', '']]);
    // A photo whose plaintext did not arrive is not shown rather than shown broken.
    expect(memberEvidenceFor(content, { p2: blob }, '4.5.3').observations[0]!.photos).toEqual([]);
  });
});
