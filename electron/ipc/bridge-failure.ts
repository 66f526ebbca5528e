import type { BridgeError, BridgeErrorCode } from '../../shared/bridge/contract.js';

/**
 * An expected failure inside a bridge handler (a file too large, no safe key storage …),
 * thrown by the main-process services and turned into `{ ok: false, error }` at the IPC
 * boundary. Its message is shown to the user, so it says what happened and what to do.
 */
export class BridgeFailure extends Error {
  readonly code: BridgeErrorCode;
  constructor(code: BridgeErrorCode, message: string) {
    super(message);
    this.name = 'BridgeFailure';
    this.code = code;
  }
}

/** File-system error codes and the bridge code each means to the user. */
const ERRNO_CODES: Readonly<Record<string, { code: BridgeErrorCode; message: string }>> = {
  ENOSPC: { code: 'disk-full', message: '磁盘空间不足，文件未保存。No space left on the target disk; nothing was saved.' },
  EDQUOT: { code: 'disk-full', message: '磁盘配额已满，文件未保存。Disk quota exceeded; nothing was saved.' },
  EROFS: { code: 'read-only', message: '目标位置为只读，无法写入。The target is read-only.' },
  EACCES: { code: 'read-only', message: '没有写入该位置的权限。No permission to write to the target.' },
  EPERM: { code: 'read-only', message: '操作系统拒绝写入该位置。The operating system refused to write to the target.' },
  ENOENT: { code: 'not-found', message: '文件或文件夹不存在（U 盘是否已拔出？）。The file or folder does not exist (was the drive removed?).' },
  ENOTDIR: { code: 'not-found', message: '目标文件夹不存在。The target folder does not exist.' },
};

function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' ? code : undefined;
}

/** Any thrown value → the bridge's typed error. Unknown errors become `internal` with their message. */
export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeFailure) return { code: error.code, message: error.message };
  const errno = errnoCode(error);
  const mapped = errno === undefined ? undefined : ERRNO_CODES[errno];
  if (mapped) {
    const path = typeof error === 'object' && error !== null && 'path' in error && typeof error.path === 'string' ? `（${error.path}）` : '';
    return { code: mapped.code, message: `${mapped.message}${path}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `内部错误 Internal error: ${message}` };
}
