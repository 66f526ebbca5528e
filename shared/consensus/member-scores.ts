import type { ExclusionNumber } from '../regulation/exclusions.js';

/**
 * What the consolidation needs from one member's verified, signed scoresheet (the latest
 * revision). The package layer maps its scoresheet content onto this shape, so the
 * arithmetic here does not depend on how scoresheets travel.
 */
export interface MemberNote {
  /** Stable within the member's scoresheet, so the panel's notes can cite their source. */
  id: string;
  text: string;
}

export interface MemberItemScore {
  /** On the 5% grid; absent while the member has not scored the item. */
  percent?: number | undefined;
  strengths: readonly MemberNote[];
  ofis: readonly MemberNote[];
}

export type ExclusionStatus = 'clear' | 'flagged';

export interface MemberExclusionCheck {
  number: ExclusionNumber;
  status: ExclusionStatus;
  note: string;
}

export interface MemberScores {
  memberId: string;
  items: Readonly<Record<string, MemberItemScore | undefined>>;
  exclusions: readonly MemberExclusionCheck[];
}

/** A panel seat as the assignment names it. */
export interface PanelMember {
  memberId: string;
  name: string;
  organisation: string;
  role: 'leader' | 'expert';
  /** Short fingerprint of the member's signing key, as people read it aloud. */
  fingerprint: string;
}
