import { Dexie, type DexieOptions, type Table } from 'dexie';
import { applyMigrations } from './migrations/index.js';
import { journalApp } from '../journal/app-journal.js';
import type { JournalPosition } from '../journal/journal-meta.js';
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
import type { ConsensusEditRecord, ConsensusScoreHistoryRecord, ConsensusStateRecord, FinalisationRecord, ReceivedCountersignatureRecord, ReportArtefactRecord, ReportToSignRecord } from './leader-records.js';
import type { DeviceProfileRecord, TrustAnchorRecord } from './identity-records.js';
import type {
  MemberScoresheetHistoryRecord,
  MemberScoresheetRecord,
  PanelAssignmentRecord,
  ReceivedPackageRecord,
  ScoresheetExportRecord,
} from './package-records.js';

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
} from './secretariat-records.js';

const DATABASE_NAME = 'zqa';

/** The index each screen reads; the journal is the source of truth. */
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

  // 0006: where the index stands in the journal (renderer/src/journal)
  journalMeta!: Table<JournalPosition, 'position'>;

  constructor(name = DATABASE_NAME, options: DexieOptions = {}) {
    // Relaxed durability: what makes an edit durable is the journal's flush, before the
    // commit (renderer/src/journal); a commit a power cut takes back is replayed from the
    // journal at the next start. (Strict cost a disk flush of its own on every keypress.)
    super(name, { chromeTransactionDurability: 'relaxed', ...options });
    applyMigrations(this);
  }
}

let shared: ZqaDatabase | undefined;

/** Connections without the journal, for the start's recovery (a rebuild is not an edit). */
export const unjournaledConnections = {
  open: (): ZqaDatabase => new ZqaDatabase(),
  remove: (): Promise<void> => Dexie.delete(DATABASE_NAME),
};

/** The renderer's one connection, every write of it journaled before it commits. */
export function getDatabase(): ZqaDatabase {
  if (!shared) {
    shared = new ZqaDatabase();
    journalApp(shared);
  }
  return shared;
}
