/** Strings of the package actions in the expert's workspace (zh-CN first). */
const zhCN = {
  packages: {
    importAssignment: '导入评审任务',
    exportScoresheet: '导出评分表',
    importScoresheets: '导入专家评分表',
    noAnchor: '尚未导入秘书处身份卡（信任根），不能导入评审包。请先在“本机身份”页导入并核对秘书处身份卡。',
    noProfile: '请先在“本机身份”页保存您的身份',
    refused: '评审包未导入：{{error}}',
    duplicate: '这个评审包已经导入过，未作任何更改。',
    assignmentImported: '已导入评审任务：{{applicant}}（第 {{revision}} 版）',
    assignmentUpdated: '评审任务已更新为第 {{revision}} 版：{{applicant}}（旧版本保留在历史中）',
    scoresheetImported: '已收到 {{name}} 的评分表（第 {{revision}} 版）',
    cardImported: '已导入身份卡：{{name}}',
    exported: '评分表第 {{revision}} 版已保存：{{file}}',
    exportFailed: '评分表未导出：{{error}}',
    exportDemo: '演示评审没有评审组长和秘书处的密钥，不能导出评分表。',
    cancelled: '已取消',
    reviews: '评审',
    demoTag: '演示',
    openedFile: '打开的文件 {{file}}：',
    exportedBadge: '已导出第 {{revision}} 版',
    notExported: '尚未导出评分表',
  },
};

const en: typeof zhCN = {
  packages: {
    importAssignment: 'Import assignment',
    exportScoresheet: 'Export scoresheet',
    importScoresheets: 'Import members’ scoresheets',
    noAnchor: 'No secretariat identity card (trust anchor) yet, so no package can be imported. Import and check the secretariat’s card on the “This device” page first.',
    noProfile: 'Save your identity on the “This device” page first',
    refused: 'Package not imported: {{error}}',
    duplicate: 'This package was already imported; nothing changed.',
    assignmentImported: 'Assignment imported: {{applicant}} (revision {{revision}})',
    assignmentUpdated: 'Assignment updated to revision {{revision}}: {{applicant}} (the old revision is kept in history)',
    scoresheetImported: 'Scoresheet received from {{name}} (revision {{revision}})',
    cardImported: 'Identity card imported: {{name}}',
    exported: 'Scoresheet revision {{revision}} saved: {{file}}',
    exportFailed: 'Scoresheet not exported: {{error}}',
    exportDemo: 'The demo review has no panel leader or secretariat keys, so its scoresheet cannot be exported.',
    cancelled: 'Cancelled',
    reviews: 'Review',
    demoTag: 'Demo',
    openedFile: 'Opened file {{file}}: ',
    exportedBadge: 'Revision {{revision}} exported',
    notExported: 'Scoresheet not exported yet',
  },
};

export const packageStrings = { 'zh-CN': zhCN, en };
