import type { CriteriaSet } from '../criteria/criteria-set.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';

/**
 * What the printable paper scoresheet needs: the criteria set always; the names and the expert's
 * work when it is printed filled. Blank, it is the form a member scores on by hand the day a
 * laptop dies; filled, it is the expert's work on paper (to check against, or to sign and file).
 */
export interface PaperScoresheetInput {
  set: CriteriaSet;
  /** The cycle's name, e.g. "2026年度郑州市市长质量奖"; a line to fill in when absent. */
  cycleName?: string;
  applicantName?: string;
  expertName?: string;
  /** The expert's work so far; absent for a blank form. */
  filled?: Pick<ScoresheetContent, 'items' | 'exclusions'>;
  /** When it was printed (ISO time), shown in the footer of a filled sheet and as the PDF's date. */
  printedAt: string;
}
