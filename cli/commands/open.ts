import { mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { contentRules } from '../../shared/packages/content/registry.js';
import { printable } from '../../shared/packages/errors.js';
import { plainFileName } from '../../shared/workflow/file-names.js';
import { writeFileAtomic } from '../lib/atomic-write.js';
import type { BlobRef } from '../../shared/packages/content/common.js';
import { CHECK_OPTIONS, CHECK_USAGE, checkPackageSource, checkSetup } from '../lib/check-package.js';
import { folderAttachmentStore } from '../../node/file-stream.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { formatPackageError, openPackageSource } from '../lib/package-files.js';
import { UsageError, type CliIo, type ExitCode } from '../io.js';
import { checkedNotes, describeSigner } from './verify.js';

const USAGE = `usage: zqa open FILE --identity KEYFILE --out DIR [--trust CARD_OR_DIR]… [--type TYPE]…
  Decrypts a package for the holder of a recipient's key file (passphrase from ZQA_PASSPHRASE
  or a prompt) into DIR: manifest.json, content.json, files/NNNN-<name> for each attachment.
  It checks exactly what \`zqa verify\` with the same options checks, and refuses the same.
${CHECK_USAGE}`;

/** `zqa open`: the secretariat's and IT staff's tool for archives and investigations. */
export async function openCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { ...CHECK_OPTIONS, out: { type: 'string' } }, USAGE);
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.identity || !values.out) throw new UsageError(USAGE);
  if (await nonEmptyFolder(values.out)) {
    io.stderr(`zqa open: ${values.out} exists and is not empty; choose a new folder\n`);
    return 1;
  }
  const setup = await checkSetup(values, io, 'open', USAGE);
  if (!setup) return 1;
  const read = await openPackageSource(file);
  if (!read.ok) {
    io.stderr(`zqa open: ${read.message}\n`);
    return 1;
  }
  const out = values.out;
  const existed = await exists(out);
  // Names were checked as plain file names by the content schema; the number keeps them
  // unique, and controls and format characters such as bidi overrides (`报告\u202Efdp.exe`)
  // become '_' (the one file-name sanitiser) so a file manager shows the name as it is.
  const nameOf = (ref: BlobRef) => `${ref.entry.slice('blobs/'.length)}-${plainFileName(ref.fileName, { maxLength: 255 })}`;
  // Each file is written as it is decrypted, and kept only once the whole package passed.
  const checked = await checkPackageSource(read.source, setup, true, folderAttachmentStore(join(out, 'files'), true, nameOf)).finally(() => read.source.close());
  if (!checked.ok || !checked.value.imported) {
    // Nothing of a refused package stays: not even the folders the files would have gone to.
    await rmdir(join(out, 'files')).catch(() => undefined);
    if (!existed) await rmdir(out).catch(() => undefined);
    io.stderr(`zqa open: ${file}: refused: ${checked.ok ? 'not opened' : formatPackageError(checked.error)}\n`);
    return 1;
  }
  const opened = checked.value.imported;
  await mkdir(join(out, 'files'), { recursive: true });
  const text = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  await writeFileAtomic(join(out, 'manifest.json'), text(opened.manifest));
  await writeFileAtomic(join(out, 'content.json'), text(opened.content));
  const refs = contentRules(opened.type).blobs(opened.content);
  const m = opened.manifest;
  const notes = checkedNotes(checked.value, setup).map((n) => `; ${n}`).join('');
  io.stdout(`${file}: opened ${m.type} r${m.revision} from ${printable(opened.senderName)} into ${out} (${refs.length} file${refs.length === 1 ? '' : 's'}); ${describeSigner(opened.signer, opened.senderName)}${notes}\n`);
  return 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function nonEmptyFolder(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length > 0;
  } catch {
    return false;
  }
}
