import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournalService } from '../../electron/journal/journal-service.js';
import { bridgeHandler } from '../../electron/ipc/bridge-handler.js';
import type { SafeStorageLike } from '../../electron/keys/safe-storage.js';
import { journalAppendArgsSchema } from '../../shared/bridge/contract-schemas.js';
import { encodeJournalRecord } from '../../shared/journal/journal-record.js';
import { GENESIS_HASH } from '../../shared/journal/segment-format.js';

let userData: string;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'zqa-userdata-'));
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const safeStorage: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s: string) => Buffer.from(s).map((b) => b ^ 0x33),
  decryptString: (b: Buffer) => Buffer.from(b).map((x) => x ^ 0x33).toString(),
};
const record = (text: string) => encodeJournalRecord({ v: 1, schema: 5, at: '2026-11-30T08:00:00.000Z', reset: false, ops: [{ t: 'notes', put: [[text, { text }]] }] });
const appEvent = { senderFrame: { url: 'app://zqa/index.html', parent: null } };

describe('the journal in Electron’s main process', () => {
  it('keeps its files in the user-data folder, encrypted, with the key wrapped beside them', async () => {
    const service = createJournalService({ userDataFolder: userData, safeStorage, platform: 'linux', log: () => undefined });
    expect(await service.head()).toMatchObject({ seq: 0, atRest: 'encrypted' });
    expect(await service.append({ expectedSeq: 0, expectedHash: GENESIS_HASH, record: record('优势'), blobs: [] })).toMatchObject({ status: 'appended', seq: 1 });
    expect(existsSync(join(userData, 'journal-key.bin'))).toBe(true);
    expect(readdirSync(join(userData, 'journal'))).toContain('journal-000000000001.zqj');
    const read = await service.read({ afterSeq: 0, maxBytes: 1 << 20 });
    expect(new TextDecoder().decode(read.records[0]!.record)).toContain('优势');
  });

  it('answers a malformed record over IPC as invalid-argument, never as a thrown string', async () => {
    const service = createJournalService({ userDataFolder: userData, safeStorage, platform: 'linux', log: () => undefined });
    const handler = bridgeHandler(journalAppendArgsSchema, (args) => service.append(args));
    const answer = await handler(appEvent, { expectedSeq: 0, expectedHash: GENESIS_HASH, record: new TextEncoder().encode('[]'), blobs: [] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('writes a checkpoint in the background once one is due', async () => {
    const service = createJournalService({ userDataFolder: userData, safeStorage, platform: 'linux', log: () => undefined, storeOptions: { compactRecords: 25 } });
    let head = await service.head();
    for (let i = 0; i < 25; i++) {
      const out = await service.append({ expectedSeq: head.seq, expectedHash: head.hash, record: record(`n${i}`), blobs: [] });
      if (out.status !== 'appended') throw new Error(out.status);
      head = { ...head, seq: out.seq, hash: out.hash };
    }
    await new Promise((r) => setTimeout(r, 200));
    expect((await service.head()).checkpointSeq).toBe(25);
    expect(readdirSync(join(userData, 'journal'))).toContain('checkpoint-000000000025.zqc');
  });
});
