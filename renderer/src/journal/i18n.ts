/** Strings of the journal: its notices at start and the failures of a write it did not take (zh-CN first). */
const zhCN = {
  journal: {
    stale: '本机数据库与操作日志不一致（可能在另一窗口中修改过，或数据库曾被恢复），这次修改未保存。请重新加载页面，程序会自动从操作日志修复，然后再继续。',
    appendFailed: '修改未能写入操作日志，未保存：{{detail}}',
    rebuiltTitle: '本机数据库已从操作日志重建',
    rebuiltText: '浏览器内核曾清空或损坏了本机数据库（{{reason}}）。程序已自动用操作日志把全部已保存的修改放回（{{records}} 条日志记录，{{rows}} 行数据，{{ms}} 毫秒），无需任何操作。',
    caughtUpTitle: '已从操作日志补回最近的修改',
    caughtUpText: '上次退出时数据库落后于操作日志，已自动补回 {{records}} 条记录。',
    seededTitle: '操作日志已建立',
    seededText: '本机已有的评审数据已写入新的操作日志（{{rows}} 条记录），此后每次修改都先写入操作日志再显示“已保存”。',
    reseededTitle: '操作日志已从本机数据库补齐',
    reseededText: '操作日志缺少数据库中已有的内容（{{reason}}），已用数据库的当前内容开始新一段日志。',
    unavailableTitle: '操作日志不可用，修改只保存在浏览器数据库中',
    unavailableText: '{{reason}}。修改仍会保存，但浏览器数据库被清空时无法自动恢复。请尽快做一次备份（备份与恢复）。',
    failedTitle: '未能从操作日志重建本机数据库',
    failedText: '{{reason}}。本机数据库保持原样。请到「备份与恢复」用最近的备份恢复。',
    damageText: '操作日志中有损坏的部分已另存：{{damage}}',
    plainAtRest: '本机操作日志未加密保存，依靠操作系统账户和磁盘加密保护。',
    dismiss: '知道了',
    atRestEncrypted: '本机操作日志（每次修改在显示“已保存”前写入磁盘）已加密，密钥由操作系统账户保管：笔记本丢失时，没有该账户无法读出申报单位的资料。',
    atRestPlain: '本机操作日志（每次修改在显示“已保存”前写入磁盘）未加密：它和浏览器数据库一样，只受操作系统账户和磁盘加密保护。请为本机启用磁盘加密。',
    reasons: {
      empty: '数据库为空',
      corrupt: '数据库无法打开',
      diverged: '数据库与日志不一致',
    },
  },
};

const en: typeof zhCN = {
  journal: {
    stale: 'This device’s database and its journal disagree (changed in another window, or the database was restored); this change was not saved. Reload the page: the program repairs the database from the journal; then go on.',
    appendFailed: 'The change could not be written to the journal and was not saved: {{detail}}',
    rebuiltTitle: 'This device’s database was rebuilt from the journal',
    rebuiltText: 'The browser engine had emptied or damaged this device’s database ({{reason}}). Every saved change was put back from the journal automatically ({{records}} journal records, {{rows}} rows, {{ms}} ms); nothing to do.',
    caughtUpTitle: 'The latest changes were put back from the journal',
    caughtUpText: 'The database was behind the journal when the app last stopped; {{records}} records were put back.',
    seededTitle: 'The journal has been started',
    seededText: 'The review data already on this device went into a new journal ({{rows}} records); from now on every change is in the journal before “saved” shows.',
    reseededTitle: 'The journal was completed from this device’s database',
    reseededText: 'The journal lacked what the database holds ({{reason}}); a new stretch of journal starts from the database as it is.',
    unavailableTitle: 'The journal is unavailable: changes are kept only in the browser database',
    unavailableText: '{{reason}}. Changes are still saved, but could not be recovered if the browser database were emptied. Make a backup soon (Backup and restore).',
    failedTitle: 'The database could not be rebuilt from the journal',
    failedText: '{{reason}}. The database was left as it was. Restore the latest backup under “Backup and restore”.',
    damageText: 'A damaged part of the journal was set aside: {{damage}}',
    plainAtRest: 'This device’s journal is kept unencrypted; it is protected by the OS account and disk encryption.',
    dismiss: 'Understood',
    atRestEncrypted: 'This device’s journal (every change is written to disk before “saved” is shown) is encrypted under a key kept by the OS account: a lost laptop yields no applicant data without that account.',
    atRestPlain: 'This device’s journal (every change is written to disk before “saved” is shown) is not encrypted: like the browser database, it is protected only by the OS account and disk encryption. Turn on disk encryption on this device.',
    reasons: {
      empty: 'the database was empty',
      corrupt: 'the database could not be opened',
      diverged: 'the database did not match the journal',
    },
  },
};

export const journalStrings = { 'zh-CN': zhCN, en };
