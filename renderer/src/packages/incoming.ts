import { packageError } from '../../../shared/packages/errors.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../../shared/packages/limits.js';
import type { PackageType } from '../../../shared/packages/manifest.js';
import { readWhole } from '../../../shared/packages/stream/read-whole.js';
import { verifyPackage } from '../../../shared/packages/verify-package.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import { readSecretariatCard } from '../../../shared/workflow/enrol-expert.js';
import { notTakenHere, receiveIncoming, type IncomingHandler, type IncomingRegistry } from '../../../shared/workflow/incoming.js';
import type { KeyHolder } from '../../../shared/workflow/ports/keys.js';
import { receiveAssignment } from '../../../shared/workflow/receive-assignment.js';
import { receiveScoresheet } from '../../../shared/workflow/receive-scoresheet.js';
import { fromPackageError, workflowError, type WorkflowError } from '../../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../db/database.js';
import { blobAttachmentStore, blobSource } from '../host/blob-stream.js';
import { offerAnchorCard } from '../device/anchor-offer.js';
import { importCountersignature } from '../workspaces/leader/store/countersignature-import.js';
import { importReportForSigning } from '../workspaces/countersign/store/member-countersign.js';
import { importExpertCard } from '../workspaces/secretariat/store/expert-store.js';
import { receivePanelReturn } from '../workspaces/secretariat/store/receive-panel-return.js';
import { loadSecretariatSelf } from '../workspaces/secretariat/store/secretariat-identity.js';
import { applyAssignment, applyScoresheet, type AssignmentOutcome, type ScoresheetOutcome } from './apply-package.js';
import { dbHeldRecords, dbPackageHistory, loadTrustStore } from './trust-from-db.js';

/**
 * The registry of incoming package types on this device (shared/workflow/incoming.ts): for
 * each of the six, the workflow step that receives it and the store that keeps it. Every
 * import in the app comes through `importIncoming`, most of them file by file from
 * `importMany` (import buttons, a folder, a drop on the window, files the operating system
 * asked the app to open). What happened is typed per package type; on any refusal nothing
 * changed.
 *
 * A file comes in as a Blob (a picked File, a file the host read, the leader's own export):
 * read a slice at a time to verify and decrypt, a scoresheet's photos kept as Blobs and the
 * package itself kept as that Blob, so a scoresheet of any size is never whole in the page.
 * The other types are small and read whole (within the in-memory limits).
 */
export type IncomingOutcome =
  | { type: 'identity-card'; as: 'expert'; name: string }
  | { type: 'identity-card'; as: 'anchor'; name: string }
  | AssignmentOutcome
  | ScoresheetOutcome
  | { type: 'report-for-signing'; reviewId: string; applicantName: string }
  | { type: 'countersignature'; reviewId: string; signerKeyId: string; signerName: string }
  | { type: 'panel-return'; applicantName: string; totalHundredths: number };

/** This device as the handlers see it. */
export interface IncomingDevice {
  db: ZqaDatabase;
  keys: KeyHolder;
  /** This device's signing key id. */
  keyId: string;
  now: () => Date;
  /** The file's name: the secretariat files a return under it; an offered anchor card shows it. */
  fileName: string;
}

const NO_ANCHOR = workflowError('no-anchor', '本设备尚未信任秘书处身份卡，不能导入评审包', 'this device trusts no secretariat yet: import and confirm its identity card first');

/** A handler for a small type: the file read whole (within the in-memory limits of docs/package-format.md §2), then `take`n. */
function wholly<O>(take: (bytes: Uint8Array) => Promise<Result<O, WorkflowError>>): IncomingHandler<O> {
  return async (file) => {
    const whole = await readWhole(file, DEFAULT_PACKAGE_LIMITS);
    return whole.ok ? take(whole.value.bytes) : err(fromPackageError(whole.error));
  };
}

/** The registry for one file, `file` being what the handlers read (as a source) and keep. */
export function incomingRegistry(device: IncomingDevice, file: Blob): IncomingRegistry<IncomingOutcome> {
  const { db, keys, keyId } = device;
  const isSecretariat = async () => (await db.deviceProfile.get('device'))?.role === 'secretariat';
  const trusted = async () => loadTrustStore(db);
  const refused = <T>(r: Result<T, Parameters<typeof fromPackageError>[0]>): Result<T, WorkflowError> => (r.ok ? r : err(fromPackageError(r.error)));
  const applyCtx = () => ({ deviceKeyId: keyId, now: device.now() });
  return {
    // The secretariat takes an expert's card into its pool; any other device is offered it as its trust anchor.
    'identity-card': wholly(async (bytes) => {
      if (await isSecretariat()) {
        const profile = await db.deviceProfile.get('device');
        const row = await importExpertCard(db, bytes, profile?.name ?? keyId);
        return row.ok ? ok({ type: 'identity-card', as: 'expert', name: row.value.expert.name }) : row;
      }
      const card = await readSecretariatCard(bytes);
      if (!card.ok) return refused(card);
      offerAnchorCard({ fileName: device.fileName, bytes });
      return ok({ type: 'identity-card', as: 'anchor', name: card.value.name });
    }),
    assignment: wholly(async (bytes) => {
      const trust = await trusted();
      if (!trust) return err(NO_ANCHOR);
      const received = await receiveAssignment(bytes, { keys, trust, history: dbPackageHistory(db), held: dbHeldRecords(db), myKeyId: keyId });
      if (!received.ok) return refused(received);
      return refused(await applyAssignment(db, received.value, file, applyCtx()));
    }),
    scoresheet: async (source) => {
      const trust = await trusted();
      if (!trust) return err(NO_ANCHOR);
      const assignmentFor = async (panelId: string) => {
        const held = await db.panelAssignments.where('panelId').equals(panelId).first();
        return held ? { reviewId: held.reviewId, content: held.content } : null;
      };
      const received = await receiveScoresheet(source, { keys, trust, history: dbPackageHistory(db), held: dbHeldRecords(db), myKeyId: keyId, assignmentFor }, blobAttachmentStore());
      if (!received.ok) return refused(received);
      return refused(await applyScoresheet(db, received.value, file, applyCtx()));
    },
    'report-for-signing': wholly(async (bytes) => {
      const trust = await trusted();
      if (!trust) return err(NO_ANCHOR);
      const record = await importReportForSigning(bytes, { db, keys, trust, now: device.now(), myKeyId: keyId });
      if (!record.ok) return refused(record);
      const assignment = await db.panelAssignments.get(record.value.reviewId);
      return ok({ type: 'report-for-signing', reviewId: record.value.reviewId, applicantName: assignment?.content.applicant.name ?? record.value.content.applicantId });
    }),
    // A countersignature belongs to the report this device, as the panel's leader, sent last.
    countersignature: wholly(async (bytes) => {
      const trust = await trusted();
      if (!trust) return err(NO_ANCHOR);
      const peek = await verifyPackage(bytes, { trust: null, accept: ['countersignature'] });
      if (!peek.ok) return refused(peek);
      const panelId = peek.value.manifest.subject.panelId ?? '';
      const led = (await db.panelAssignments.where('panelId').equals(panelId).toArray()).find((a) => a.leaderKeyId === keyId);
      if (!led) return refused(err(packageError('wrong-type', `this device does not lead panel ${panelId}: only its leader receives countersignatures`)));
      const report = (await db.reportArtefacts.where('reviewId').equals(led.reviewId).sortBy('createdAt')).at(-1);
      if (!report) return err(workflowError('not-ready', '本评审组尚未生成报告，不能接收会签', 'no report has been produced for this panel yet'));
      const record = await importCountersignature(bytes, { db, reviewId: led.reviewId, assignment: led.content, report, keys, trust, now: device.now() });
      if (!record.ok) return refused(record);
      const signerName = led.content.panel.members.find((m) => m.keyId === record.value.signerKeyId)?.name ?? record.value.signerKeyId;
      return ok({ type: 'countersignature', reviewId: led.reviewId, signerKeyId: record.value.signerKeyId, signerName });
    }),
    'panel-return': async (source) => {
      if (!(await isSecretariat())) return notTakenHere<Extract<IncomingOutcome, { type: 'panel-return' }>>('panel-return', 'only the secretariat receives panel returns')(source);
      return wholly(async (bytes) => {
        const summary = await receivePanelReturn(db, bytes, device.fileName, await loadSecretariatSelf(db, keys));
        return summary.ok ? ok({ type: 'panel-return' as const, applicantName: summary.value.result.name, totalHundredths: summary.value.result.totalHundredths }) : summary;
      })(source);
    },
  };
}

export async function importIncoming(device: IncomingDevice, file: Blob, accept: readonly PackageType[]): Promise<Result<IncomingOutcome, WorkflowError>> {
  return receiveIncoming(blobSource(file), incomingRegistry(device, file), accept);
}
