import { useEffect, useState } from 'react';
import type { AssignmentContent } from '../../../../shared/packages/content/assignment.js';
import type { CountersignatureStatus } from '../../../../shared/report/report-checks.js';
import type { Result } from '../../../../shared/util/result.js';
import { countersignatureStatuses } from '../../../../shared/workflow/assemble-panel-return.js';
import type { LeaderPanelData } from './store/use-leader-data.js';

/**
 * Each member's countersignature of the current report as the finalisation check sees it
 * (checkFinalisation: signatures verified over this exact PDF, reasons for the absent);
 * null while it runs or when there is no report yet.
 */
export function useCountersignatureStatuses(assignment: AssignmentContent, data: LeaderPanelData): Result<CountersignatureStatus[], CountersignatureStatus[]> | null {
  const [checked, setChecked] = useState<{ sha256: string; statuses: Result<CountersignatureStatus[], CountersignatureStatus[]> } | null>(null);
  const report = data.report;
  const excusedKey = JSON.stringify(data.finalisation?.excused ?? {});
  useEffect(() => {
    if (!report) return;
    let live = true;
    void countersignatureStatuses(assignment, report, data.countersignatures, JSON.parse(excusedKey) as Record<string, string>).then((statuses) => live && setChecked({ sha256: report.sha256, statuses }));
    return () => {
      live = false;
    };
  }, [assignment, report, data.countersignatures, excusedKey]);
  // A check of another report (the one before it was produced again) says nothing of this one.
  return report && checked?.sha256 === report.sha256 ? checked.statuses : null;
}
