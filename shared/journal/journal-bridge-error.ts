import type { BridgeError } from '../bridge/contract.js';
import { JournalError } from './journal-errors.js';

/**
 * A journal failure as the bridge reports it, the same from both hosts. A full disk or a
 * folder the OS refuses arrives from the host's own error mapping, not from here.
 */
export function journalBridgeError(e: unknown): BridgeError | null {
  if (!(e instanceof JournalError)) return null;
  switch (e.code) {
    case 'invalid-record':
    case 'ahead':
      return { code: 'invalid-argument', message: `操作日志拒绝了这条记录。The journal refused the record: ${e.message}` };
    case 'missing-blob':
      return { code: 'not-found', message: `操作日志中找不到该附件。${e.message}` };
    case 'too-large':
      return { code: 'too-large', message: `记录过大。${e.message}` };
    case 'damaged':
      return { code: 'internal', message: `操作日志已损坏：${e.message}。The journal is damaged: ${e.message}` };
  }
}
