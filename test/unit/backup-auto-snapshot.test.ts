import { describe, expect, it } from 'vitest';
import type { BackupContents } from '../../shared/backup/backup-format.js';
import { decodeSnapshot, encodeSnapshot } from '../../renderer/src/backup/auto-snapshot.js';

const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const contents: BackupContents = {
  schemaVersion: 4,
  createdAt: '2026-11-30T10:00:00.000Z',
  settings: null,
  tables: [
    { name: 'itemScores', rows: [{ reviewId: 'r1', itemId: '4.2.2', percent: 80 }] },
    { name: 'attachments', rows: [{ id: 'a1', blob: new Blob([photo], { type: 'image/jpeg' }) }] },
  ],
};

describe('the automatic snapshot file', () => {
  it('round-trips every table and Blob byte for byte', async () => {
    const back = await decodeSnapshot(await encodeSnapshot(contents), 4);
    expect(back?.createdAt).toBe('2026-11-30T10:00:00.000Z');
    expect(back?.tables[0]).toEqual(contents.tables[0]);
    const blob = (back?.tables[1]?.rows[0] as { blob: Blob }).blob;
    expect(blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(photo);
  });

  it('reads a damaged, foreign or newer snapshot as none', async () => {
    const bytes = await encodeSnapshot(contents);
    const damaged = bytes.slice();
    damaged[damaged.length - 3]! ^= 0x01;
    expect(await decodeSnapshot(damaged, 4)).toBeNull();
    expect(await decodeSnapshot(new TextEncoder().encode('ZQABAK..not a snapshot'), 4)).toBeNull();
    expect(await decodeSnapshot(bytes.subarray(0, 10), 4)).toBeNull();
    expect(await decodeSnapshot(bytes, 3)).toBeNull();
  });
});
