import type { PackageErrorCode } from './errors.js';

/**
 * What a person does next when a package is refused, per refusal code: the screen says what
 * went wrong and then this, in plain words; the technical detail (which entry, which limit)
 * stays in the English text, the CLI and the logs.
 */
const RECOPY = { zh: '请从原始位置重新拷贝该文件，或请发送人重新导出后再导入。', en: 'Copy the file again from its source, or ask the sender to export it again.' };
const ASK_SENDER = { zh: '请向发送人索取重新导出的文件。', en: 'Ask the sender to export the file again.' };
const DO_NOT_USE = { zh: '请勿使用此文件，直接向发送人索取原件，并告知秘书处。', en: 'Do not use this file: ask the sender for the original and tell the secretariat.' };

export const PACKAGE_ERROR_ADVICE: Record<PackageErrorCode, { zh: string; en: string }> = {
  'file-too-large': { zh: '请确认选择的是评审包文件（扩展名 .zqa）。', en: 'Check that you chose a package file (.zqa).' },
  'not-a-package': { zh: '请选择扩展名为 .zqa 的评审包文件。', en: 'Choose a package file ending in .zqa.' },
  truncated: RECOPY,
  'malformed-container': RECOPY,
  'too-many-entries': DO_NOT_USE,
  'entry-too-large': DO_NOT_USE,
  'total-too-large': DO_NOT_USE,
  'zip-bomb': DO_NOT_USE,
  'compressed-entry': DO_NOT_USE,
  'unsafe-entry-name': DO_NOT_USE,
  'duplicate-entry-name': DO_NOT_USE,
  'entry-missing': RECOPY,
  'entry-unexpected': DO_NOT_USE,
  'entry-altered': RECOPY,
  'manifest-malformed': RECOPY,
  'manifest-invalid': RECOPY,
  // A signed manifest or content not in its canonical bytes was written so by the sender's tool.
  'not-canonical': ASK_SENDER,
  'unsupported-format-version': { zh: '请发送人与您使用同一版本的本软件，或升级本软件后再导入。', en: 'Use the same version of the app as the sender, or update it, then import again.' },
  'outdated-format-version': { zh: '请发送人升级本软件后重新导出，再导入新的文件。', en: 'Ask the sender to update the app and export it again, then import the new file.' },
  'bad-signature': DO_NOT_USE,
  'unknown-signer': {
    zh: '请先在“本机身份”导入并核对秘书处的身份卡；评审组成员的文件须在导入评审任务之后导入。',
    en: 'First import and check the secretariat’s identity card under “This device”; members’ files can be imported once the assignment is.',
  },
  'untrusted-signer': { zh: '请确认文件来自正确的人：评审任务只能由秘书处发出，评分表只能由本评审组成员发出。', en: 'Check who sent it: assignments come only from the secretariat, scoresheets only from members of the panel.' },
  // A name that is not the key's own is how one member would pass as another.
  'sender-name-mismatch': DO_NOT_USE,
  'wrong-subject': {
    zh: '请确认本机已导入该评审组的评审任务，且文件属于同一届次、同一申报单位和同一评审组；否则请向发送人索取正确的文件。',
    en: 'Check that this device holds the assignment for that panel and that the file is for the same cycle, applicant and panel; otherwise ask the sender for the right file.',
  },
  'wrong-type': { zh: '请到该文件对应的位置导入（提示中写明了文件类型）。', en: 'Import it where files of its kind are imported (its kind is named above).' },
  'not-a-recipient': { zh: '这份文件是发给别人的；如您确是收件人，请发送人用您当前的身份卡重新发送。', en: 'It was sent to someone else; if it is meant for you, ask the sender to send it again to your current identity card.' },
  'decrypt-failed': { zh: '请在收件人本人的电脑上导入；如已更换电脑，请发送人按新的身份卡重新发送。', en: 'Import it on the recipient’s own computer; after a change of computer, ask the sender to send it again to the new identity card.' },
  'chunk-malformed': RECOPY,
  'chunk-count-wrong': RECOPY,
  'content-malformed': ASK_SENDER,
  'content-invalid': ASK_SENDER,
  'history-broken': DO_NOT_USE,
  'score-not-in-history': DO_NOT_USE,
  'history-rewritten': DO_NOT_USE,
  'return-incomplete': { zh: '请评审组组长补齐每位成员的评分表，以及会签或缺席记录，再重新导出。', en: 'Ask the panel leader to add every member’s scoresheet and countersignature or recorded absence, then export again.' },
  'return-part-invalid': { zh: '请评审组组长核对评分表、会签和缺席记录均属本组、本报告，再重新导出。', en: 'Ask the panel leader to check that every scoresheet, countersignature and absence belongs to this panel and this report, then export again.' },
  duplicate: { zh: '无需操作。', en: 'Nothing to do.' },
  'stale-revision': { zh: '无需操作：本机保留的是更新的版本。', en: 'Nothing to do: this device keeps the newer revision.' },
  'revision-conflict': { zh: '请与发送人确认哪一份是最终版本，并请其导出一个新的版本。', en: 'Ask the sender which one is final and to export a new revision.' },
};
