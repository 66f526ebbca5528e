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
