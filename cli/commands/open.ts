import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openKeyBackup } from '../../shared/crypto/key-backup.js';
import { softwareKeyHolderFromPkcs8 } from '../../shared/crypto/key-holder.js';
import { contentRules } from '../../shared/packages/content/registry.js';
import { printable } from '../../shared/packages/errors.js';
import { openVerifiedPackage } from '../../shared/packages/open-package.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import { plainFileName } from '../../shared/workflow/file-names.js';
import { writeFileAtomic } from '../lib/atomic-write.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { formatPackageError, loadTrust, readPackageFile } from '../lib/package-files.js';
import { readPassphrase } from '../lib/passphrase.js';
import { UsageError, type CliIo, type ExitCode } from '../io.js';
import { describeSigner } from './verify.js';

const USAGE = `usage: zqa open FILE --identity KEYFILE --out DIR [--trust CARD_OR_DIR]…
  Decrypts a package for the holder of a recipient's key file (passphrase from ZQA_PASSPHRASE
  or a prompt) into DIR: manifest.json, content.json, files/NNNN-<name> for each attachment.
  --trust: identity cards (or folders of them), and assignments signed by a trusted
  secretariat card, whose rosters are then trusted for their panels.`;

/** `zqa open`: the secretariat's and IT staff's tool for archives and investigations. */
export async function openCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    { identity: { type: 'string' }, out: { type: 'string' }, trust: { type: 'string', multiple: true } },
    USAGE,
  );
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.identity || !values.out) throw new UsageError(USAGE);
  if (await nonEmptyFolder(values.out)) {
    io.stderr(`zqa open: ${values.out} exists and is not empty; choose a new folder\n`);
    return 1;
  }
  // The key first: with it, assignments given to --trust vouch for their rosters.
  let keyFile: Uint8Array;
  try {
    keyFile = new Uint8Array(await readFile(values.identity));
  } catch (e) {
    io.stderr(`zqa open: cannot read key file ${values.identity}: ${(e as Error).message}\n`);
    return 1;
  }
  const material = await openKeyBackup(keyFile, await readPassphrase(io, values.identity));
  if (!material.ok) {
    io.stderr(`zqa open: key file ${values.identity}: ${material.error.code}: ${material.error.message}\n`);
    return 1;
  }
  const keys = await softwareKeyHolderFromPkcs8(material.value.signingPkcs8, material.value.encryptionPkcs8);
  const trust = values.trust ? await loadTrust(values.trust, io, 'open', keys) : null;
  if (values.trust && !trust) return 1;
  const read = await readPackageFile(file);
  if (!read.ok) {
    io.stderr(`zqa open: ${read.message}\n`);
    return 1;
  }
  const verified = await verifyPackage(read.bytes, { trust });
  if (!verified.ok) {
    io.stderr(`zqa open: ${file}: refused: ${formatPackageError(verified.error)}\n`);
    return 1;
  }
  const opened = await openVerifiedPackage(verified.value, keys);
  if (!opened.ok) {
    io.stderr(`zqa open: ${file}: refused: ${formatPackageError(opened.error)}\n`);
    return 1;
  }
  const out = values.out;
  await mkdir(join(out, 'files'), { recursive: true });
  const text = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  await writeFileAtomic(join(out, 'manifest.json'), text(opened.value.manifest));
  await writeFileAtomic(join(out, 'content.json'), text(opened.value.content));
  const refs = contentRules(opened.value.type).blobs(opened.value.content);
  for (const ref of refs) {
    // Names were checked as plain file names by the content schema; the number keeps them
    // unique, and controls and format characters such as bidi overrides (`报告\u202Efdp.exe`)
    // become '_' (the one file-name sanitiser) so a file manager shows the name as it is.
    const name = plainFileName(ref.fileName, { maxLength: 255 });
    await writeFileAtomic(join(out, 'files', `${ref.entry.slice('blobs/'.length)}-${name}`), opened.value.blobs.get(ref.entry)!);
  }
  const m = opened.value.manifest;
  io.stdout(`${file}: opened ${m.type} r${m.revision} from ${printable(m.sender.name)} into ${out} (${refs.length} file${refs.length === 1 ? '' : 's'}); ${describeSigner(opened.value.signer)}\n`);
  return 0;
}

async function nonEmptyFolder(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length > 0;
  } catch {
    return false;
  }
}
