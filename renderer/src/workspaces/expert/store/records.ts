// The record types (and their value lists) the expert's screens show, as the database stores
// them: screens take them from here, so no screen imports db/.
export type {
  AttachmentRecord,
  DeclarationRecord,
  EvidenceReference,
  ExclusionCheckRecord,
  ExclusionStatus,
  NoteKind,
  NoteRecord,
  ReviewRecord,
  SiteIssueStatus,
  SiteIssueStatusRecord,
} from '../../../db/records.js';
export { CONFLICT_KINDS, SITE_ISSUE_STATUSES, type ConflictKind } from '../../../db/records.js';
export type { MemberScoresheetRecord, PanelAssignmentRecord } from '../../../db/package-records.js';
