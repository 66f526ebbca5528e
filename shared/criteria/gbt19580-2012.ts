import type { CriteriaSet } from './criteria-set.js';

/** GB/T 19580-2012 卓越绩效评价准则: 7 categories, 23 scored items, 1000 points (docs/domain.md §4). */
export const GBT19580_2012: CriteriaSet = {
  id: 'gbt19580-2012',
  name: 'GB/T 19580-2012 卓越绩效评价准则',
  nameEn: 'GB/T 19580-2012 Criteria for Performance Excellence',
  totalPoints: 1000,
  categories: [
    {
      id: '4.1', name: '领导', nameEn: 'Leadership', points: 110,
      items: [
        { id: '4.1.2', name: '高层领导的作用', nameEn: 'Role of senior leaders', points: 50, kind: 'process' },
        { id: '4.1.3', name: '组织治理', nameEn: 'Organisational governance', points: 30, kind: 'process' },
        { id: '4.1.4', name: '社会责任', nameEn: 'Social responsibility', points: 30, kind: 'process' },
      ],
    },
    {
      id: '4.2', name: '战略', nameEn: 'Strategy', points: 90,
      items: [
        { id: '4.2.2', name: '战略制定', nameEn: 'Strategy development', points: 40, kind: 'process' },
        { id: '4.2.3', name: '战略部署', nameEn: 'Strategy deployment', points: 50, kind: 'process' },
      ],
    },
    {
      id: '4.3', name: '顾客与市场', nameEn: 'Customers and market', points: 90,
      items: [
        { id: '4.3.2', name: '顾客和市场的了解', nameEn: 'Customer and market knowledge', points: 40, kind: 'process' },
        { id: '4.3.3', name: '顾客关系与顾客满意', nameEn: 'Customer relationships and satisfaction', points: 50, kind: 'process' },
      ],
    },
    {
      id: '4.4', name: '资源', nameEn: 'Resources', points: 130,
      items: [
        { id: '4.4.2', name: '人力资源', nameEn: 'Human resources', points: 60, kind: 'process' },
        { id: '4.4.3', name: '财务资源', nameEn: 'Financial resources', points: 15, kind: 'process' },
        { id: '4.4.4', name: '信息和知识资源', nameEn: 'Information and knowledge resources', points: 20, kind: 'process' },
        { id: '4.4.5', name: '技术资源', nameEn: 'Technology resources', points: 15, kind: 'process' },
        { id: '4.4.6', name: '基础设施', nameEn: 'Infrastructure', points: 10, kind: 'process' },
        { id: '4.4.7', name: '相关方关系', nameEn: 'Partner and stakeholder relationships', points: 10, kind: 'process' },
      ],
    },
    {
      id: '4.5', name: '过程管理', nameEn: 'Process management', points: 100,
      items: [
        { id: '4.5.2', name: '过程的识别与设计', nameEn: 'Process identification and design', points: 50, kind: 'process' },
        { id: '4.5.3', name: '过程的实施与改进', nameEn: 'Process implementation and improvement', points: 50, kind: 'process' },
      ],
    },
    {
      id: '4.6', name: '测量、分析与改进', nameEn: 'Measurement, analysis and improvement', points: 80,
      items: [
        { id: '4.6.2', name: '测量、分析和评价', nameEn: 'Measurement, analysis and evaluation', points: 40, kind: 'process' },
        { id: '4.6.3', name: '改进与创新', nameEn: 'Improvement and innovation', points: 40, kind: 'process' },
      ],
    },
    {
      id: '4.7', name: '结果', nameEn: 'Results', points: 400,
      items: [
        { id: '4.7.2', name: '产品和服务结果', nameEn: 'Product and service results', points: 80, kind: 'results' },
        { id: '4.7.3', name: '顾客与市场结果', nameEn: 'Customer and market results', points: 80, kind: 'results' },
        { id: '4.7.4', name: '财务结果', nameEn: 'Financial results', points: 80, kind: 'results' },
        { id: '4.7.5', name: '资源结果', nameEn: 'Resource results', points: 60, kind: 'results' },
        { id: '4.7.6', name: '过程有效性结果', nameEn: 'Process effectiveness results', points: 50, kind: 'results' },
        { id: '4.7.7', name: '领导方面的结果', nameEn: 'Leadership results', points: 50, kind: 'results' },
      ],
    },
  ],
};
