import { readFile } from 'node:fs/promises';
import { keyIdOf } from '../../shared/crypto/key-id.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { openKeyBackup } from '../../shared/crypto/key-backup.js';
import { softwareKeyHolderFromPkcs8, type KeyHolder } from '../../shared/crypto/key-holder.js';
import type { TrustStore } from '../../shared/identity/trust-store.js';
import { printable, type PackageError } from '../../shared/packages/errors.js';
import { packageTypeSchema, PACKAGE_TYPES, type PackageType } from '../../shared/packages/manifest.js';
import { openVerifiedPackage } from '../../shared/packages/open-package.js';
import { checkPanelReturn } from '../../shared/packages/panel-return-check.js';
import { verifyPackage, type SignerTrust, type VerifiedPackage } from '../../shared/packages/verify-package.js';
import { ok, type Result } from '../../shared/util/result.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { formatPackageError, loadTrust, readPackageFile } from '../lib/package-files.js';
import { readPassphrase } from '../lib/passphrase.js';
import { UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa verify FILE [--trust CARD_OR_DIR]… [--type TYPE]… [--identity KEYFILE]
  Checks a package's container, limits, hashes and signature without any private key.
  --trust     identity-card packages (or folders of them) whose signers you accept, and
              assignment packages signed by a trusted secretariat card (with --identity):
              their rosters are trusted for their panels
  --type      accept only these package types (${PACKAGE_TYPES.join(', ')})
  --identity  a recipient's key file (passphrase from ZQA_PASSPHRASE or a prompt): also
              decrypt and check the content, and every scoresheet's hash-chained history
              (a panel return's nested scoresheets too), naming the first broken link`;

export function describeSigner(signer: SignerTrust): string {
  switch (signer.kind) {
    case 'trusted':
      return `trusted (${signer.key.via}: ${printable(signer.key.name)}, ${signer.key.role})`;
    case 'self-signed':
      return 'self-signed card: compare its fingerprint with its owner before trusting it';
    case 'not-checked':
      return 'signer not checked (no --trust given)';
  }
}

/** `zqa verify FILE [--trust …]`: exit 0 and one line when good, 1 and the failure's code when not. */
export async function verifyCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    { trust: { type: 'string', multiple: true }, type: { type: 'string', multiple: true }, identity: { type: 'string' } },
    USAGE,
  );
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  const accept: PackageType[] = [];
  for (const t of values.type ?? []) {
    const parsed = packageTypeSchema.safeParse(t);
    if (!parsed.success) throw new UsageError(`unknown package type "${t}"\n${USAGE}`);
    accept.push(parsed.data);
  }
  // The key first: with it, assignments given to --trust vouch for their rosters.
  const keys = values.identity ? await keyHolderFromFile(values.identity, io) : null;
  if (values.identity && !keys) return 1;
  const trust = values.trust ? await loadTrust(values.trust, io, 'verify', keys) : null;
  if (values.trust && !trust) return 1;
  const read = await readPackageFile(file);
  if (!read.ok) {
    io.stderr(`zqa verify: ${read.message}\n`);
    return 1;
  }
  const result = await verifyPackage(read.bytes, { trust, ...(accept.length ? { accept } : {}) });
  if (!result.ok) {
    io.stderr(`zqa verify: ${file}: refused: ${formatPackageError(result.error)}\n`);
    return 1;
  }
  let contentNote = '';
  const readable = keys ? await isRecipient(result.value, keys) : false;
  if (keys && !readable) {
    contentNote = '; content not checked (the --identity key is not among its recipients)';
  } else if (keys) {
    const checked = await checkContent(result.value, keys, trust);
    if (!checked.ok) {
      io.stderr(`zqa verify: ${file}: refused: ${formatPackageError(checked.error)}\n`);
      return 1;
    }
    contentNote = `; ${checked.value}`;
  } else if (HAS_HISTORY.has(result.value.manifest.type)) {
    contentNote = '; content and score history not checked (encrypted: give --identity KEYFILE)';
  }
  const { manifest, signer } = result.value;
  io.stdout(
    `${file}: good ${manifest.type} r${manifest.revision} from ${printable(manifest.sender.name)} (key ${manifest.sender.keyId}), ` +
      `signature and ${manifest.entries.length} entr${manifest.entries.length === 1 ? 'y' : 'ies'} checked; ${describeSigner(signer)}${contentNote}\n`,
  );
  return 0;
}

const HAS_HISTORY: ReadonlySet<PackageType> = new Set(['scoresheet', 'panel-return']);

/**
 * Decrypts and validates the content as the importer does, the hash-chained history of
 * every scoresheet included (nested ones in a panel return), and says what was checked.
 */
async function checkContent(verified: VerifiedPackage, keys: KeyHolder, trust: TrustStore | null): Promise<Result<string, PackageError>> {
  const opened = await openVerifiedPackage(verified, keys);
  if (!opened.ok) return opened;
  const v = opened.value;
  if (v.type === 'scoresheet') return ok(`content checked, history of ${v.content.history.length} entries intact`);
  if (v.type !== 'panel-return') return ok('content checked');
  const nested = await checkPanelReturn(v.content, v.manifest, v.blobs, { trust, keys });
  if (!nested.ok) return nested;
  const { scoresheets, countersignatures } = nested.value;
  const entries = scoresheets.reduce((n, s) => n + s.content.history.length, 0);
  return ok(`content checked, ${scoresheets.length} nested scoresheets with ${entries} history entries intact, ${countersignatures.length} countersignatures over the report PDF`);
}

/** Identity cards are public; any other package is readable by its recipients only. */
async function isRecipient(verified: VerifiedPackage, keys: KeyHolder): Promise<boolean> {
  const { manifest } = verified;
  if (manifest.type === 'identity-card') return true;
  const keyId = await keyIdOf(fromBase64((await keys.publicKeys()).signingKey));
  return manifest.recipients.some((r) => r.keyId === keyId);
}

async function keyHolderFromFile(path: string, io: CliIo): Promise<KeyHolder | null> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    io.stderr(`zqa verify: cannot read key file ${path}: ${(e as Error).message}\n`);
    return null;
  }
  const material = await openKeyBackup(bytes, await readPassphrase(io, path));
  if (!material.ok) {
    io.stderr(`zqa verify: key file ${path}: ${material.error.code}: ${material.error.message}\n`);
    return null;
  }
  return softwareKeyHolderFromPkcs8(material.value.signingPkcs8, material.value.encryptionPkcs8);
}
