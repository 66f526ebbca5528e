import { fingerprintOf } from '../../shared/identity/fingerprint.js';
import { decodeBase64 } from '../../shared/crypto/spki.js';
import { printable } from '../../shared/packages/errors.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { formatPackageError, readPackageFile } from '../lib/package-files.js';
import { printJson, UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = 'usage: zqa inspect FILE [--json]   print a package\'s manifest (after checking structure and signature)';

/** `zqa inspect FILE --json`: the manifest, once the package verifies (signer not judged). */
export async function inspectCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  const read = await readPackageFile(file);
  if (!read.ok) {
    io.stderr(`zqa inspect: ${read.message}\n`);
    return 1;
  }
  const result = await verifyPackage(read.bytes, { trust: null });
  if (!result.ok) {
    io.stderr(`zqa inspect: ${file}: refused: ${formatPackageError(result.error)}\n`);
    return 1;
  }
  const m = result.value.manifest;
  if (values.json) {
    printJson(io, m);
    return 0;
  }
  const fingerprint = await fingerprintOf(decodeBase64(m.sender.signingKey)!);
  const lines = [
    `type        ${m.type}`,
    `package     ${m.packageId} revision ${m.revision}${m.supersedes ? ` (supersedes ${m.supersedes})` : ''}`,
    `subject     ${Object.entries(m.subject).map(([k, v]) => `${k}=${v}`).join(' ') || '-'}`,
    `created     ${m.createdAt}`,
    `sender      ${printable(m.sender.name)}  key ${m.sender.keyId}  fingerprint ${fingerprint}`,
    `encrypted   ${m.encrypted ? `yes, for ${m.recipients.map((r) => r.keyId).join(', ')}` : 'no (public)'}`,
    ...m.entries.map((e) => `entry       ${e.name}  ${e.size} bytes  sha256 ${e.sha256}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
