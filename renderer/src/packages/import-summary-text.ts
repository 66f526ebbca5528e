import i18next, { type TFunction } from 'i18next';
import { formatHundredths } from '../../../shared/scoring/hundredths.js';
import { pickLanguage } from '../../../shared/workflow/workflow-error.js';
import { describeFileFault } from '../ui/common/file-fault.js';
import { refusalCode, type ImportEntry, type ImportSummary } from './import-many.js';
import type { IncomingOutcome } from './incoming.js';

/** The workspace that shows what an imported package became (its label is the app's menu entry). */
function placeOf(o: IncomingOutcome): 'review' | 'leader' | 'countersign' | 'secretariat' | 'identity' {
  switch (o.type) {
    case 'assignment':
      return 'review';
    case 'scoresheet':
    case 'countersignature':
      return 'leader';
    case 'report-for-signing':
      return 'countersign';
    case 'identity-card':
      return o.as === 'expert' ? 'secretariat' : 'identity';
    case 'panel-return':
      return 'secretariat';
  }
}

const PLACE_LABEL = {
  review: 'workspaces.review',
  leader: 'workspaces.leader',
  countersign: 'workspaces.countersign',
  secretariat: 'workspaces.secretariat',
  identity: 'workspaces.identity',
} as const;

function describeOutcome(t: TFunction, o: IncomingOutcome): string {
  switch (o.type) {
    case 'assignment':
      return t(o.superseded ? 'packages.assignmentUpdated' : 'packages.assignmentImported', { applicant: o.applicantName, revision: o.revision });
    case 'scoresheet':
      return t(o.superseded ? 'packages.scoresheetUpdated' : 'packages.scoresheetImported', { name: o.memberName, revision: o.revision });
    case 'identity-card':
      return t(o.as === 'expert' ? 'packages.cardImported' : 'packages.anchorOffered', { name: o.name });
    case 'report-for-signing':
      return t('packages.reportImported', { applicant: o.applicantName });
    case 'countersignature':
      return t('packages.countersignatureImported', { name: o.signerName });
    case 'panel-return':
      return t('packages.returnImported', { applicant: o.applicantName, total: formatHundredths(o.totalHundredths) });
  }
}

/**
 * One file's line of an import's summary, in the UI language: what it became (and where, when
 * it was taken by another place than the one it was offered at), or why nothing changed.
 * `kind` is what tests and the summary's tag read: the package type, `duplicate`, or the
 * refusal's code.
 */
export function describeEntry(t: TFunction, entry: ImportEntry, language: 'zh-CN' | 'en'): { kind: string; text: string } {
  if ('outcome' in entry) {
    const routed = entry.routed ? t('packages.importMany.routed', { place: t(PLACE_LABEL[placeOf(entry.outcome)]) }) : '';
    return { kind: entry.outcome.type, text: describeOutcome(t, entry.outcome) + routed };
  }
  if ('fault' in entry) return { kind: 'failed', text: t('packages.refused', { error: entry.fault.code === 'internal' ? t('faults.otherFailed') : describeFileFault(t, entry.fault, 'open') }) };
  const code = refusalCode(entry.error);
  if (code === 'duplicate') return { kind: code, text: t('packages.duplicate') };
  if (code === 'no-anchor') return { kind: code, text: t('packages.noAnchor') };
  return { kind: code, text: t('packages.refused', { error: pickLanguage(entry.error, language) }) };
}

/**
 * The files of an import that went in nowhere, each with why, in both languages: for a page
 * that keeps its problems on screen until the next import (the secretariat's tabs).
 */
export function refusalsOf(summary: ImportSummary): { zh: string; en: string }[] {
  const [zh, en] = [i18next.getFixedT('zh-CN'), i18next.getFixedT('en')];
  return summary.entries
    .filter((e) => e.verdict === 'refused')
    .map((e) => ({ zh: `${e.fileName}${zh('punct.colon')}${describeEntry(zh, e, 'zh-CN').text}`, en: `${e.fileName}${en('punct.colon')}${describeEntry(en, e, 'en').text}` }));
}
