import { GBT19580_2012 } from '../criteria/gbt19580-2012.js';
import { rulesFromPreset } from '../regulation/presets.js';
import type { ReviewAssignment } from './review-assignment.js';

/**
 * A built-in demo review, seeded on first start so a newcomer opens the app on real-looking
 * content. The applicant and every person are fictitious; the figures are plausible for a
 * mid-sized Zhengzhou equipment maker at the level the award looks for.
 */
export const DEMO_REVIEW_ID = 'demo-2026-zz-precision';

/** The expert this device belongs to in the demo (a member, not the leader). */
export const DEMO_EXPERT_ID = 'expert-li-ming';

export const DEMO_REVIEW: ReviewAssignment = {
  id: DEMO_REVIEW_ID,
  cycle: { id: 'zz-mqa-3', name: '第三届郑州市市长质量奖', year: 2026 },
  applicant: {
    id: 'applicant-zyjm',
    name: '郑州中原精工机械股份有限公司（演示）',
    creditCode: '91410100MA9G7X2K5R',
    industry: '通用设备制造业（矿山与隧道掘进装备）',
    address: '郑州经济技术开发区第九大街 168 号',
    contactName: '王静',
    contactPhone: '0371-6000 0000',
    summary:
      '成立于 2004 年，员工 2,300 余人，主营盾构机刀盘、液压支架及智能化综采装备。2015 年导入卓越绩效模式，' +
      '2019 年获河南省省长质量奖提名奖。近三年营业收入年均增长 11%，研发投入占比 5.2%，拥有有效发明专利 146 项。',
  },
  criteriaSet: GBT19580_2012,
  // A cycle on the 2021 draft that stated no nomination floor.
  rules: rulesFromPreset('draft-2021', 0),
  materialReview: {
    '4.1.2': 60, '4.1.3': 55, '4.1.4': 50,
    '4.2.2': 55, '4.2.3': 50,
    '4.3.2': 50, '4.3.3': 55,
    '4.4.2': 50, '4.4.3': 55, '4.4.4': 45, '4.4.5': 60, '4.4.6': 55, '4.4.7': 45,
    '4.5.2': 55, '4.5.3': 50,
    '4.6.2': 45, '4.6.3': 50,
    '4.7.2': 55, '4.7.3': 50, '4.7.4': 60, '4.7.5': 45, '4.7.6': 50, '4.7.7': 55,
  },
  siteIssues: [
    { id: 'si-1', itemId: '4.2.3', text: '核实战略目标分解到车间和班组的情况，抽查 2 个事业部的年度经营计划与月度跟踪记录。' },
    { id: 'si-2', itemId: '4.3.3', text: '核实顾客投诉处理闭环：抽取近一年 5 起质量投诉，查看从受理到验证关闭的全过程记录。' },
    { id: 'si-3', itemId: '4.5.3', text: '现场查看刀盘焊接关键工序的过程控制，核实焊缝一次合格率统计口径。' },
    { id: 'si-4', itemId: '4.7.4', text: '核实自评报告中近三年利润数据与审计报告一致，确认无亏损年度（第十四条第五项）。' },
    { id: 'si-5', itemId: '4.4.2', text: '访谈一线员工和技术骨干，了解技能等级晋升与激励制度的实际执行情况。' },
    { id: 'si-6', itemId: null, text: '核实近三年是否发生重大质量、安全、环境责任事故，查阅安全生产台账和环保监测记录。' },
  ],
  panel: [
    { id: 'expert-zhang-wei', name: '张伟', organisation: '郑州大学管理学院', title: '教授', role: 'leader' },
    { id: DEMO_EXPERT_ID, name: '李明', organisation: '河南省质量协会', title: '高级工程师', role: 'member' },
    { id: 'expert-wang-fang', name: '王芳', organisation: '郑州市标准化研究院', title: '研究员', role: 'member' },
    { id: 'expert-zhao-lei', name: '赵磊', organisation: '宇通客车股份有限公司（退休）', title: '原质量总监', role: 'member' },
    { id: 'expert-chen-jing', name: '陈静', organisation: '河南工业大学', title: '副教授', role: 'member' },
    { id: 'expert-liu-yang', name: '刘洋', organisation: '郑州市计量测试研究院', title: '高级工程师', role: 'member' },
  ],
  schedule: { from: '2026-11-30', to: '2026-12-02' },
};
