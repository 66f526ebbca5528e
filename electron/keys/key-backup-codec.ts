import { openKeyBackup, sealKeyBackup } from '../../shared/crypto/key-backup.js';
import type { KeyBackupCodec } from './key-custody.js';

const REASONS_ZH: Readonly<Record<string, string>> = {
  malformed: '不是密钥备份文件',
  'unsupported-version': '密钥备份文件版本不受支持',
  'weak-or-excessive-kdf': '密钥备份文件的密钥派生参数不可接受',
  'wrong-passphrase': '口令错误，或文件已被改动',
  'invalid-key-material': '备份中的密钥无效',
};

/** The secretariat's `.zqakey` format (shared/crypto/key-backup.ts) as key custody's codec, with Chinese messages. */
export const keyBackupCodec: KeyBackupCodec = {
  seal: (material, passphrase) => sealKeyBackup(material, passphrase),
  async open(bytes, passphrase) {
    const opened = await openKeyBackup(bytes, passphrase);
    if (opened.ok) return { ok: true, value: { signingPkcs8: opened.value.signingPkcs8, encryptionPkcs8: opened.value.encryptionPkcs8 } };
    const zh = REASONS_ZH[opened.error.code] ?? '密钥备份无法打开';
    return { ok: false, message: `${zh}。${opened.error.message}` };
  },
};
