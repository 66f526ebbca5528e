import { packageTypeSchema, PACKAGE_TYPES, type PackageType } from '../../shared/packages/manifest.js';
import { verifyPackage, type SignerTrust } from '../../shared/packages/verify-package.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { formatPackageError, loadTrust, readPackageFile } from '../lib/package-files.js';
import { UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa verify FILE [--trust CARD_OR_DIR]… [--type TYPE]…
  Checks a package's container, limits, hashes and signature without any private key.
  --trust   identity-card packages (or folders of them) whose signers you accept
  --type    accept only these package types (${PACKAGE_TYPES.join(', ')})`;

export function describeSigner(signer: SignerTrust): string {
  switch (signer.kind) {
    case 'trusted':
      return `trusted (${signer.key.via}: ${signer.key.name}, ${signer.key.role})`;
    case 'self-signed':
      return 'self-signed card: compare its fingerprint with its owner before trusting it';
    case 'not-checked':
      return 'signer not checked (no --trust given)';
  }
}

/** `zqa verify FILE [--trust …]`: exit 0 and one line when good, 1 and the failure's code when not. */
export async function verifyCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { trust: { type: 'string', multiple: true }, type: { type: 'string', multiple: true } }, USAGE);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  const accept: PackageType[] = [];
  for (const t of values.type ?? []) {
    const parsed = packageTypeSchema.safeParse(t);
    if (!parsed.success) throw new UsageError(`unknown package type "${t}"\n${USAGE}`);
    accept.push(parsed.data);
  }
  const trust = values.trust ? await loadTrust(values.trust, io, 'verify') : null;
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
  const { manifest, signer } = result.value;
  io.stdout(
    `${file}: good ${manifest.type} r${manifest.revision} from ${manifest.sender.name} (key ${manifest.sender.keyId}), ` +
      `signature and ${manifest.entries.length} entr${manifest.entries.length === 1 ? 'y' : 'ies'} checked; ${describeSigner(signer)}\n`,
  );
  return 0;
}
