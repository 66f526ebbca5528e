import type { HistoryEntry } from '../history/hash-chain.js';
import type { AssignmentContent } from './content/assignment.js';

/**
 * What a device already holds that an incoming package is checked against: a port the
 * renderer's stores implement over Dexie, and `zqa verify`, `zqa open` and `zqa rank` over
 * the files they were given (docs/package-format.md §7).
 *
 * - Every package about a panel is bound, in its signed manifest, to a cycle, an applicant and
 *   a panel; the device must hold an assignment for exactly those three, and the signer must
 *   be on that assignment's roster. Panel ids alone are not enough: a secretariat may use the
 *   same panel id in another cycle.
 * - A scoresheet's new revision must extend the score history already received from that
 *   expert for that panel.
 */
export interface PanelSubject {
  cycleId: string;
  applicantId: string;
  panelId: string;
}

/** The last scoresheet of one expert for one panel that the device holds. */
export interface HeldScoresheet {
  revision: number;
  history: readonly HistoryEntry[];
}

export interface HeldRecords {
  /** The assignments this device holds for a panel id (one per cycle and applicant it was used for). */
  assignments(panelId: string): Promise<readonly AssignmentContent[]>;
  /** The latest scoresheet received from this expert for this panel, or null. */
  scoresheet(subject: PanelSubject, expertKeyId: string): Promise<HeldScoresheet | null>;
}

export const samePanelSubject = (a: PanelSubject, b: PanelSubject): boolean =>
  a.cycleId === b.cycleId && a.applicantId === b.applicantId && a.panelId === b.panelId;

export const subjectOfAssignment = (a: Pick<AssignmentContent, 'cycle' | 'applicant' | 'panel'>): PanelSubject => ({
  cycleId: a.cycle.id,
  applicantId: a.applicant.id,
  panelId: a.panel.id,
});

/**
 * Held records from plain lists: the command line's (assignments given with `--trust`,
 * scoresheets found in a folder) and the tests'. Scoresheets are keyed by panel and expert;
 * the highest revision of each counts.
 */
export function heldRecordsFrom(input: {
  assignments: readonly AssignmentContent[];
  scoresheets?: readonly (HeldScoresheet & { subject: PanelSubject; expertKeyId: string })[];
}): HeldRecords {
  return {
    assignments: (panelId) => Promise.resolve(input.assignments.filter((a) => a.panel.id === panelId)),
    scoresheet(subject, expertKeyId) {
      const mine = (input.scoresheets ?? []).filter((s) => s.expertKeyId === expertKeyId && samePanelSubject(s.subject, subject));
      const latest = mine.sort((x, y) => y.revision - x.revision)[0];
      return Promise.resolve(latest ? { revision: latest.revision, history: latest.history } : null);
    },
  };
}
