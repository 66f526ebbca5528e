import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { addAttachment, setAttachmentObservation } from '../../renderer/src/workspaces/expert/store/attachment-writes.js';
import { addNote } from '../../renderer/src/workspaces/expert/store/note-writes.js';
import { freshDatabase, testContext } from './db-test-helpers.js';

let db: ZqaDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await seedDemoIfEmpty(db);
});
afterEach(() => db.close());

const photo = () => ({ name: '焊接工位.jpg', type: 'image/jpeg', blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }) });

describe('a photo linked to the observation it supports', () => {
  it('links to an observation of its own item, unlinks back to the item, and refuses anything else', async () => {
    const ctx = testContext(db);
    const observation = await addNote(ctx, DEMO_REVIEW_ID, '4.5.3', { kind: 'observation', text: '焊接工位作业指导书在岗', evidence: { document: '', intervieweeRole: '', place: '装配车间' } });
    const strength = await addNote(ctx, DEMO_REVIEW_ID, '4.5.3', { kind: 'strength', text: '过程控制严密' });
    const elsewhere = await addNote(ctx, DEMO_REVIEW_ID, '4.1.2', { kind: 'observation', text: '质量例会纪要齐全', evidence: { document: '', intervieweeRole: '', place: '' } });
    const id = await addAttachment(ctx, DEMO_REVIEW_ID, '4.5.3', photo());
    await setAttachmentObservation(ctx, id, observation);
    expect((await db.attachments.get(id))?.observationId).toBe(observation);
    await expect(setAttachmentObservation(ctx, id, strength)).rejects.toThrow(/not a site observation of item 4\.5\.3/);
    await expect(setAttachmentObservation(ctx, id, elsewhere)).rejects.toThrow(/not a site observation of item 4\.5\.3/);
    await expect(setAttachmentObservation(ctx, 'nope', observation)).rejects.toThrow(/does not exist/);
    // A refused link leaves the one before in place.
    expect((await db.attachments.get(id))?.observationId).toBe(observation);
    await setAttachmentObservation(ctx, id, null);
    const unlinked = await db.attachments.get(id);
    expect(unlinked && 'observationId' in unlinked).toBe(false);
  });
});
