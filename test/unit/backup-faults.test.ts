import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeFileFault, formatBytes, isQuotaError } from '../../renderer/src/ui/common/file-fault.js';

const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

describe('storage and file faults', () => {
  it('recognises a full disk however it arrives: the DOMException, and Dexie’s wrapping of it in a failed transaction', async () => {
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    // A transaction aborted because a request failed for lack of space: the cause is inside.
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError')))).toBe(true);

    const db = new Dexie('faults', { indexedDB: new IDBFactory(), IDBKeyRange });
    db.version(1).stores({ t: 'id' });
    const table = db.table<{ id: number }, number>('t');
    await table.put({ id: 1 });
    const thrown = await db
      .transaction('rw', table, async () => {
        await table.put({ id: 2 });
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      })
      .catch((e: unknown) => e);
    expect(isQuotaError(thrown)).toBe(true);
    expect(await table.toArray()).toEqual([{ id: 1 }]);
    db.close();
  });

  it('maps each host file error to its own message with the next step, and anything else to the generic one (the host’s English stays off the screen)', () => {
    expect(describeFileFault(t, { code: 'disk-full', message: 'ENOSPC' })).toBe('faults.disk-full');
    expect(describeFileFault(t, { code: 'read-only', message: 'EROFS' })).toBe('faults.read-only');
    expect(describeFileFault(t, { code: 'not-found', message: 'ENOENT' })).toBe('faults.not-found');
    expect(describeFileFault(t, { code: 'internal', message: 'boom' })).toBe('faults.internal');
    expect(describeFileFault(t, { code: 'not-found', message: 'ENOENT' }, 'open')).toBe('faults.open.not-found');
    expect(describeFileFault(t, { code: 'internal', message: 'EIO' }, 'open')).toBe('faults.open.other');
    expect(describeFileFault(t, { code: 'not-permitted', message: 'not the secretariat' }, 'other')).toBe('faults.notPermitted');
    expect(describeFileFault(t, { code: 'invalid-argument', message: 'bad' }, 'other')).toBe('faults.otherFailed');
    expect([formatBytes(512), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual(['512 B', '2.0 KB', '3.0 MB']);
  });
});
