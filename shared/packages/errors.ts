import { PACKAGE_ERROR_ADVICE } from './error-advice.js';

/**
 * Every way a package can be refused, one code each. The UI shows `PACKAGE_ERROR_TEXT[code]`
 * in the user's language (Chinese first) with what to do next (`error-advice.ts`); `detail`
 * (English, technical: which entry, which limit) only in English; the CLI prints `code: message`. A refused package changes nothing.
 */
export const PACKAGE_ERROR_TEXT = {
  'file-too-large': { zh: '文件超过允许的大小上限', en: 'The file is larger than the stated limit' },
  'not-a-package': { zh: '这不是评审包文件', en: 'This is not a package file' },
  truncated: { zh: '文件不完整（可能在拷贝时被截断）', en: 'The file is truncated (incomplete copy?)' },
  'malformed-container': { zh: '文件结构已损坏', en: 'The zip container is damaged' },
  'too-many-entries': { zh: '包内条目数超过上限', en: 'Too many entries in the package' },
  'entry-too-large': { zh: '包内某个条目超过大小上限', en: 'An entry is larger than the stated limit' },
  'total-too-large': { zh: '包内容总大小超过上限', en: 'The entries together exceed the stated limit' },
  'zip-bomb': { zh: '文件疑似压缩炸弹，已拒绝', en: 'The file is shaped like a zip bomb' },
  'compressed-entry': { zh: '包内含有压缩条目（本格式只允许存储方式）', en: 'A compressed entry (the format allows stored entries only)' },
  'unsafe-entry-name': { zh: '条目名称不安全（含“..”、绝对路径或反斜杠）', en: "An entry name is unsafe ('..', absolute path or backslash)" },
  'duplicate-entry-name': { zh: '包内有重名条目', en: 'Two entries have the same name' },
  'entry-missing': { zh: '包内缺少条目', en: 'An entry is missing' },
  'entry-unexpected': { zh: '包内多出未登记的条目', en: 'An entry is not listed in the manifest' },
  'entry-altered': { zh: '包内条目已被改动或损坏', en: 'An entry was altered or damaged' },
  'manifest-malformed': { zh: '清单无法读取', en: 'The manifest cannot be read' },
  'not-canonical': { zh: '清单或内容不是规范格式（含字节顺序标记或多余字符）', en: 'The manifest or content is not in its canonical form (a byte-order mark or other stray bytes)' },
  'manifest-invalid': { zh: '清单内容不符合格式', en: 'The manifest does not follow the format' },
  'unsupported-format-version': { zh: '不支持的包格式版本', en: 'Unsupported package format version' },
  'outdated-format-version': { zh: '评审包格式版本过旧，请发送人用新版软件重新导出', en: 'An older package format: ask the sender to export it again with an up-to-date app' },
  'bad-signature': { zh: '签名无效：文件已被改动或伪造', en: 'Bad signature: the file was altered or forged' },
  'unknown-signer': { zh: '发送人未知（不在信任列表中）', en: 'Unknown signer (not in the trust store)' },
  'untrusted-signer': { zh: '发送人无权发送此类评审包', en: 'The signer is not trusted to send this kind of package' },
  'sender-name-mismatch': { zh: '清单上的发送人姓名与其密钥所属的身份卡或名单不符', en: "The sender's name differs from the name on the trusted card or roster entry of the signing key" },
  'wrong-subject': { zh: '评审包属于其他届次、申报单位或评审组', en: 'The package is for another cycle, applicant or panel than the assignment this device holds' },
  'wrong-type': { zh: '此处不能导入这种评审包', en: 'Wrong package type for this place' },
  'not-a-recipient': { zh: '这个评审包不是发给您的', en: 'This package is for someone else' },
  'decrypt-failed': { zh: '无法解密评审包内容', en: 'The content cannot be decrypted' },
  'chunk-malformed': { zh: '评审包中某个加密条目的分块结构已损坏', en: "An encrypted entry's chunks do not have the format's sizes" },
  'chunk-count-wrong': { zh: '评审包中某个加密条目被截短或被追加了分块', en: 'An encrypted entry was cut short at a chunk boundary, or chunks were added after its last one' },
  'content-malformed': { zh: '评审包内容无法读取', en: 'The content cannot be read' },
  'content-invalid': { zh: '评审包内容不符合要求', en: 'The content is not valid' },
  'history-broken': { zh: '评分历史记录已被事后改动（哈希链断裂）', en: 'The score history was changed after the fact (broken hash chain)' },
  'score-not-in-history': { zh: '当前分数与评分历史的最后一条记录不符', en: "A current score differs from the last entry of that item's history" },
  'history-rewritten': { zh: '评分历史被改写：新版本没有延续已收到的历史', en: 'A rewritten history: the new revision does not extend the history already received' },
  'return-incomplete': { zh: '评审结果包不完整：缺少某位成员的评分表，或既无会签也无缺席记录', en: "An incomplete panel return: a member's scoresheet, or their countersignature or recorded absence, is missing" },
  'return-part-invalid': { zh: '评审结果包中的评分表、会签或缺席记录与本组、本报告不符', en: 'A scoresheet, countersignature or absence record in the panel return does not belong to this panel or this report' },
  duplicate: { zh: '这个评审包已经导入过，未作任何更改', en: 'Already imported; nothing changed' },
  'stale-revision': { zh: '这是旧版本，已有更新的版本', en: 'An older revision than the one already stored' },
  'revision-conflict': { zh: '同一版本号的另一个评审包已导入', en: 'A different package with the same revision is already stored' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type PackageErrorCode = keyof typeof PACKAGE_ERROR_TEXT;
export const PACKAGE_ERROR_CODES = Object.keys(PACKAGE_ERROR_TEXT) as PackageErrorCode[];

export interface PackageError {
  code: PackageErrorCode;
  /** English, technical: which entry, which limit, which key. */
  detail: string;
  /** English one-liner: the code's text and the detail. */
  message: string;
  /** For `history-broken`: the first link of a scoresheet's hash chain that does not hold. */
  historyBreak?: { seq: number; problem: 'malformed' | 'seq' | 'prev-hash' | 'hash' };
}

/** Details quote hostile input (names, values): kept short whatever the input. */
const MAX_DETAIL = 500;

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides, which a hostile entry name
 * or sender name could use to rewrite a terminal line or reorder what the UI shows.
 */
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text from a package, safe to print or show: unprintable characters as `\u{…}` escapes. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

export function packageError(code: PackageErrorCode, detail: string): PackageError {
  const safe = printable(detail);
  const short = safe.length > MAX_DETAIL ? `${safe.slice(0, MAX_DETAIL)}…` : safe;
  return { code, detail: short, message: `${PACKAGE_ERROR_TEXT[code].en}: ${short}` };
}

/**
 * The user-facing text for a refused package, in the UI's language: what is wrong, then what
 * to do. The Chinese screen gets no English detail; the English one has it in parentheses.
 */
export function describePackageError(error: PackageError, language: 'zh-CN' | 'en'): string {
  const text = PACKAGE_ERROR_TEXT[error.code];
  const advice = PACKAGE_ERROR_ADVICE[error.code];
  return language === 'en' ? `${text.en} (${error.detail}). ${advice.en}` : `${text.zh}。${advice.zh}`;
}
