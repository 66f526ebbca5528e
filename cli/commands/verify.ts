import { printable } from '../../shared/packages/errors.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import type { SignerTrust } from '../../shared/packages/verify-package.js';
import { CHECK_OPTIONS, CHECK_USAGE, checkPackageSource, checkSetup, type CheckedFile, type CheckSetup } from '../lib/check-package.js';
import { checkOnlyStore } from '../../node/file-stream.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { formatPackageError, openPackageSource } from '../lib/package-files.js';
import { UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa verify FILE [--trust CARD_OR_DIR]… [--type TYPE]… [--identity KEYFILE]
  Checks a package's container, limits, hashes and signature without any private key.
${CHECK_USAGE}`;

export function describeSigner(signer: SignerTrust, senderName: string): string {
  switch (signer.kind) {
    case 'trusted':
      return `trusted (${signer.key.via}: ${printable(senderName)}, ${signer.key.role})`;
    case 'self-signed':
      return 'self-signed card: compare its fingerprint with its owner before trusting it';
    case 'not-checked':
      return 'signer not checked (no --trust given)';
  }
}

/** What a check left out, said on the result line so a good result is never read as more than it is. */
export function checkedNotes(file: CheckedFile, setup: CheckSetup): string[] {
  const { manifest } = file.verified;
  const notes: string[] = [];
  const aboutPanel = manifest.type !== 'identity-card' && manifest.type !== 'assignment';
  if (aboutPanel && !setup.held) notes.push('cycle, applicant and panel not checked against an assignment (give one to --trust)');
  else if (aboutPanel) notes.push(`bound to cycle ${manifest.subject.cycleId}, applicant ${manifest.subject.applicantId}, panel ${manifest.subject.panelId}`);
  const imported = file.imported;
  if (!imported) {
    if (setup.keys) notes.push('content not checked (the --identity key is not among its recipients)');
    else if (HAS_HISTORY.has(manifest.type)) notes.push('content and score history not checked (encrypted: give --identity KEYFILE)');
    return notes;
  }
  if (imported.type === 'scoresheet') notes.push(`content checked, history of ${imported.content.history.length} entries intact and matching the scores`);
  else if (imported.type === 'panel-return' && imported.panelReturn) {
    const { scoresheets, countersignatures, signOff } = imported.panelReturn;
    const entries = scoresheets.reduce((n, s) => n + s.content.history.length, 0);
    notes.push(`content checked, ${scoresheets.length} nested scoresheets with ${entries} history entries intact, ${countersignatures.length} countersignatures over the report PDF`);
    if (signOff) {
      notes.push(`every member accounted for (${signOff.dissents.length} with reservations, ${signOff.absences.length} recorded absent)`);
      for (const d of signOff.dissents) notes.push(`有保留意见 ${printable(d.name)}: ${printable(d.reason)}`);
      for (const a of signOff.absences) notes.push(`未会签 ${printable(a.name)}: ${printable(a.reason)}`);
    } else notes.push('completeness not checked (no assignment given to --trust)');
  } else notes.push('content checked');
  return notes;
}

const HAS_HISTORY: ReadonlySet<PackageType> = new Set(['scoresheet', 'panel-return']);

/** `zqa verify FILE [--trust …]`: exit 0 and one line when good, 1 and the failure's code when not. */
export async function verifyCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, CHECK_OPTIONS, USAGE);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  const setup = await checkSetup(values, io, 'verify', USAGE);
  if (!setup) return 1;
  const opened = await openPackageSource(file);
  if (!opened.ok) {
    io.stderr(`zqa verify: ${opened.message}\n`);
    return 1;
  }
  const checked = await checkPackageSource(opened.source, setup, false, checkOnlyStore).finally(() => opened.source.close());
  if (!checked.ok) {
    io.stderr(`zqa verify: ${file}: refused: ${formatPackageError(checked.error)}\n`);
    return 1;
  }
  const { manifest, signer, senderName } = checked.value.verified;
  io.stdout(
    `${file}: good ${manifest.type} r${manifest.revision} from ${printable(senderName)} (key ${manifest.sender.keyId}), ` +
      `signature and ${manifest.entries.length} entr${manifest.entries.length === 1 ? 'y' : 'ies'} checked; ${describeSigner(signer, senderName)}` +
      checkedNotes(checked.value, setup).map((n) => `; ${n}`).join('') +
      '\n',
  );
  return 0;
}
