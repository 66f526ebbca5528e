import { Dexie, type DexieOptions, type Table } from 'dexie';
import { applyMigrations } from './migrations/index.js';
import type {
  AttachmentRecord,
  DeclarationRecord,
  ExclusionCheckRecord,
  HistoryRecord,
  ItemScoreRecord,
  NoteRecord,
  ReviewRecord,
  SiteIssueStatusRecord,
} from './records.js';
import type { ConsensusEditRecord, ConsensusScoreHistoryRecord, ConsensusStateRecord, FinalisationRecord, ReceivedCountersignatureRecord, ReportArtefactRecord, ReportToSignRecord } from '../leader/leader-records.js';
import type { DeviceProfileRecord, TrustAnchorRecord } from '../identity/identity-records.js';
import type {
  MemberScoresheetHistoryRecord,
  MemberScoresheetRecord,
  PanelAssignmentRecord,
  ReceivedPackageRecord,
  ScoresheetExportRecord,
} from '../packages/package-records.js';

import type {
  AssignmentRow,
  ApplicantRow,
  AuthorityRecord,
  ComplaintRow,
  CriteriaSetRow,
  CycleRecord,
  DecisionRow,
  ExpertRow,
  NoticeRow,
  PanelReturnRow,
  PanelRow,
  SeriesRow,
  StaffRow,
  SummaryRow,
} from '../secretariat/records.js';

export const DATABASE_NAME = 'zqa';

/** The device's source of truth (DESIGN.md principle 3). */
export class ZqaDatabase extends Dexie {
  reviews!: Table<ReviewRecord, string>;
  itemScores!: Table<ItemScoreRecord, [string, string]>;
  notes!: Table<NoteRecord, string>;
  attachments!: Table<AttachmentRecord, string>;
  siteIssueStatus!: Table<SiteIssueStatusRecord, [string, string]>;
  exclusionChecks!: Table<ExclusionCheckRecord, [string, number]>;
  declarations!: Table<DeclarationRecord, string>;
  history!: Table<HistoryRecord, [string, number]>;
  // 0003: the leader's consensus and report, a member's reports to countersign (renderer/src/leader)
  consensusStates!: Table<ConsensusStateRecord, string>;
  consensusEdits!: Table<ConsensusEditRecord, [string, number]>;
  consensusScoreHistory!: Table<ConsensusScoreHistoryRecord, [string, number]>;
  reportArtefacts!: Table<ReportArtefactRecord, string>;
  receivedCountersignatures!: Table<ReceivedCountersignatureRecord, [string, string]>;
  finalisations!: Table<FinalisationRecord, string>;
  reportsToSign!: Table<ReportToSignRecord, string>;
  // 0002: identity, trust and packages (renderer/src/identity, renderer/src/packages)
  deviceProfile!: Table<DeviceProfileRecord, 'device'>;
  trustAnchor!: Table<TrustAnchorRecord, 'secretariat'>;
  receivedPackages!: Table<ReceivedPackageRecord, string>;
  panelAssignments!: Table<PanelAssignmentRecord, string>;
  memberScoresheets!: Table<MemberScoresheetRecord, [string, string]>;
  memberScoresheetHistory!: Table<MemberScoresheetHistoryRecord, [string, string, number]>;
  scoresheetExports!: Table<ScoresheetExportRecord, [string, number]>;
  // 0004: the secretariat's workspace (renderer/src/secretariat)
  secAuthority!: Table<AuthorityRecord, 'root'>;
  secCycles!: Table<CycleRecord, string>;
  secApplicants!: Table<ApplicantRow, string>;
  secExperts!: Table<ExpertRow, string>;
  secPanels!: Table<PanelRow, string>;
  secAssignments!: Table<AssignmentRow, string>;
  secPanelReturns!: Table<PanelReturnRow, string>;
  secSummaries!: Table<SummaryRow, [string, string]>;
  secDecisions!: Table<DecisionRow, [string, string]>;
  secNotices!: Table<NoticeRow, string>;
  secComplaints!: Table<ComplaintRow, string>;
  secSeries!: Table<SeriesRow, string>;
  // 0005: the regulation as data (renderer/src/secretariat)
  secStaff!: Table<StaffRow, string>;
  secCriteriaSets!: Table<CriteriaSetRow, string>;

  constructor(name = DATABASE_NAME, options: DexieOptions = {}) {
    // Strict durability: a commit is on disk before the UI says "saved", so a laptop whose
    // battery dies on site loses nothing it showed as saved (Chromium's default is relaxed).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    applyMigrations(this);
  }
}

let shared: ZqaDatabase | undefined;

/** The renderer's one connection. */
export function getDatabase(): ZqaDatabase {
  shared ??= new ZqaDatabase();
  return shared;
}
