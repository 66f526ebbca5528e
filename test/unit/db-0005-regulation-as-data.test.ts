import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { migration0001Initial } from '../../renderer/src/db/migrations/0001-initial.js';
import { migration0002PackagesIdentity } from '../../renderer/src/db/migrations/0002-packages-identity.js';
import { migration0003LeaderConsensus } from '../../renderer/src/db/migrations/0003-leader-consensus.js';
import { migration0004Secretariat } from '../../renderer/src/db/migrations/0004-secretariat.js';
import { migration0005RegulationAsData } from '../../renderer/src/db/migrations/0005-regulation-as-data.js';
import { MIGRATIONS, applyMigrations } from '../../renderer/src/db/migrations/index.js';
import { applicantRecordSchema, type ApplicantRecord } from '../../shared/applicant/applicant-record.js';
import { validateCycleRules, type CycleRules } from '../../shared/cycle/cycle-rules.js';
import { poolExpertSchema, type PoolExpert } from '../../shared/panel/expert.js';

const BEFORE = [migration0001Initial, migration0002PackagesIdentity, migration0003LeaderConsensus, migration0004Secretariat];

/** Records as version 4 stored them. */
const oldCycle = { id: 'c1', createdAt: 't', updatedAt: 't', updatedBy: 's', cycle: { id: 'c1', ordinal: 1, year: 2025, name: '第一届', criteriaSetId: 'gbt19580-2012', rules: { awardQuota: 3, nominationQuota: 5, awardThresholdPoints: 500, divergenceLimitPoints: 15, panelSizeMin: 5, panelSizeMax: 7, awardValidityYears: 4, publicNoticeMinDays: 7, reservations: [{ category: 'small-micro', label: '小微企业', award: 1, nomination: 0 }] } } };
const oldApplicant = {
  id: 'a1', cycleId: 'c1', updatedAt: 't', updatedBy: 's',
  record: {
    cycleId: 'c1',
    profile: { id: 'a1', name: '郑州宇达机械有限公司', creditCode: '91350100M000100Y43', industry: '装备制造', address: '郑州', contact: { name: '张', phone: '0371-1234567' } },
    eligibility: { 'operating-3-years': { status: 'met', evidence: '营业执照' }, 'excellence-model-1-year': { status: 'met', evidence: '自评报告' }, recommended: { status: 'met', evidence: '推荐函' } },
    exclusions: {},
    stage: 'eligible',
    history: [],
  },
};
const oldExpert = { id: 'x1', keyId: 'k1', updatedAt: 't', updatedBy: 's', importedAt: 't', card: {}, expert: { id: 'x1', name: '李明', organisation: '郑州大学', fingerprint: 'fp', fingerprintConfirmed: true, interests: [{ kind: 'consultancy-client', organisation: '甲公司' }, { kind: 'relative-employer', organisation: '乙公司', relation: '配偶' }, { kind: 'shareholding', organisation: '丙公司' }] } };
const oldAssignment = { panel: { id: 'p1', name: '第一组', divergenceLimit: 25, members: [] }, cycle: { id: 'c1' } };

/** What the upgraded rows hold, as the tests read them. */
interface Upgraded {
  cycle: { rules: CycleRules };
  content: { panel: { divergenceLimit?: number }; rules: CycleRules };
  assignment: { rules: CycleRules };
  record: ApplicantRecord;
  expert: PoolExpert;
}
const read = async (db: Dexie, table: string, key: string) => (await db.table(table).get(key)) as Upgraded;

async function migrated() {
  const idb = new IDBFactory();
  const old = new Dexie('m0005', { indexedDB: idb, IDBKeyRange });
  applyMigrations(old, BEFORE);
  await old.open();
  await old.table('secCycles').put(oldCycle);
  await old.table('secApplicants').put(oldApplicant);
  await old.table('secExperts').put(oldExpert);
  await old.table('secAssignments').put({ panelId: 'p1', cycleId: 'c1', content: oldAssignment });
  await old.table('panelAssignments').put({ reviewId: 'p1', panelId: 'p1', leaderKeyId: 'k1', content: oldAssignment });
  await old.table('reviews').put({ id: 'r1', assignment: { id: 'r1' } });
  old.close();
  const db = new Dexie('m0005', { indexedDB: idb, IDBKeyRange });
  applyMigrations(db, [...BEFORE, migration0005RegulationAsData]);
  await db.open();
  return db;
}

describe('migration 0005: the regulation as data', () => {
  it('adds the staff and criteria-set tables', async () => {
    const db = await migrated();
    expect(db.verno).toBe(5);
    expect(db.table('secStaff').schema.primKey.name).toBe('id');
    expect(db.table('secCriteriaSets').schema.primKey.name).toBe('id');
    db.close();
  });

  it('states every rule of a stored cycle: what it had, the 2021 draft for the rest, a nomination minimum of 0 (as applied until now)', async () => {
    const db = await migrated();
    const rules = (await read(db, 'secCycles', 'c1')).cycle.rules;
    expect(rules).toMatchObject({ preset: 'draft-2021', awardQuota: 3, divergenceLimitPoints: 15, nominationMinimumPoints: 0, unfilledReserved: 'vacant', revocationBarYears: 4 });
    expect(rules.reservations).toEqual([{ category: 'small-micro', label: '小微企业', award: 1, nomination: 0, kind: 'guaranteed-minimum' }]);
    expect(validateCycleRules(rules).ok).toBe(true);
    db.close();
  });

  it('gives assignments and reviews the rules they were scored under, the divergence limit moved into them', async () => {
    const db = await migrated();
    for (const table of ['secAssignments', 'panelAssignments']) {
      const content = (await read(db, table, 'p1')).content;
      expect(content.panel.divergenceLimit).toBeUndefined();
      expect(content.rules).toMatchObject({ divergenceLimitPoints: 25, awardThresholdPoints: 500, nominationMinimumPoints: 0 });
      expect(validateCycleRules(content.rules).ok).toBe(true);
    }
    expect((await read(db, 'reviews', 'r1')).assignment.rules).toMatchObject({ awardThresholdPoints: 500 });
    db.close();
  });

  it('brings applicants to the record with dates, prior awards and handlers, the checklist renamed', async () => {
    const db = await migrated();
    const record = (await read(db, 'secApplicants', 'a1')).record;
    expect(record.facts).toEqual({ incidents: [] });
    expect(record.eligibility['operating-years']).toEqual({ status: 'met', evidence: '营业执照' });
    expect(record.eligibility['self-assessment']).toEqual({ status: 'met', evidence: '自评报告' });
    expect(record.eligibility['excellence-model-years']).toEqual({ status: 'unchecked', evidence: '' });
    expect(record.eligibility['operating-3-years']).toBeUndefined();
    expect(applicantRecordSchema.safeParse(record).success).toBe(true);
    db.close();
  });

  it('renames the pool’s interest kinds to the declaration’s, and takes the card’s organisation as the employer', async () => {
    const db = await migrated();
    const expert = (await read(db, 'secExperts', 'x1')).expert;
    expect(expert.interests.map((i) => i.kind)).toEqual(['consultancy', 'family', 'shareholding']);
    expect(expert.employer).toEqual({ name: '郑州大学' });
    expect(poolExpertSchema.safeParse(expert).success).toBe(true);
    db.close();
  });

  it('is registered once, in order', () => {
    expect(MIGRATIONS.filter((m) => m === migration0005RegulationAsData)).toHaveLength(1);
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });
});
