import { numeralZh } from './format-zh.js';
import { gridTable, num, sectionTitle, subTitle, td, th } from './layout.js';
import type { Content, TableCell } from './pdf-content.js';
import type { SiteObservation } from './report-input.js';
import type { ReportModel } from './report-model.js';

const FINDING_ZH = { pending: '未核查', confirmed: '属实', 'not-confirmed': '不属实' } as const;

/**
 * 现场核查情况: each issue the material review asked the visit to verify, with every member's
 * finding and the evidence it rests on; then the members' site observations with where their
 * evidence is (document, people interviewed by role, place).
 */
export function siteSection(model: ReportModel, n: number): Content[] {
  const checks = model.input.siteChecks ?? [];
  const out: Content[] = [sectionTitle(numeralZh(n), '现场核查情况'), subTitle('（一）现场核查要点及核查结果')];
  if (checks.length === 0) out.push({ text: '材料评审未提出现场核查要点。', style: 'body' });
  else {
    const body: TableCell[][] = [[th('序号'), th('核查要点'), th('核查人'), th('结果'), th('核查说明及证据')]];
    checks.forEach((check, i) => {
      const findings = check.findings.length > 0 ? check.findings : [{ memberId: '', status: 'pending' as const, note: '', evidence: '' }];
      findings.forEach((f, k) => {
        const lead: TableCell[] =
          k === 0 ? [num(String(i + 1), { rowSpan: findings.length }), td(`${check.itemId ? `【${check.itemId}】` : '【综合】'}${check.text}`, { rowSpan: findings.length })] : [td(''), td('')];
        const detail = [f.note.trim(), f.evidence.trim() ? `证据：${f.evidence.trim()}` : ''].filter(Boolean).join('\n') || '—';
        body.push([...lead, num(f.memberId ? model.nameOf(f.memberId) : '—', { noWrap: true }), num(FINDING_ZH[f.status], f.status === 'not-confirmed' ? { bold: true } : {}), td(detail)]);
      });
    });
    out.push(gridTable([24, '*', 46, 34, 170], body));
  }
  out.push(subTitle('（二）现场观察记录'));
  const observations = model.input.observations ?? [];
  if (observations.length === 0) out.push({ text: '评审员未记录现场观察。', style: 'body' });
  else {
    const body: TableCell[][] = [[th('序号'), th('条款'), th('观察内容'), th('证据来源'), th('记录人')]];
    observations.forEach((o, i) => body.push([num(String(i + 1)), num(o.itemId ?? '综合'), td(o.text), td(evidenceText(o)), num(model.nameOf(o.memberId), { noWrap: true })]));
    out.push(gridTable([24, 34, '*', 130, 46], body));
  }
  return out;
}

function evidenceText(o: SiteObservation): string {
  if (typeof o.evidence === 'string') return o.evidence.trim() || '—';
  const e = o.evidence;
  return [e.document.trim() && `文件：${e.document.trim()}`, e.intervieweeRole.trim() && `访谈：${e.intervieweeRole.trim()}`, e.place.trim() && `地点：${e.place.trim()}`].filter(Boolean).join('\n') || '—';
}
