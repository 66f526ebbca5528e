import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import type { KeyHolder } from '../../shared/crypto/key-holder.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import { trustAssignmentRoster, trustCards } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import { PACKAGE_ERROR_TEXT, type PackageError } from '../../shared/packages/errors.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../shared/packages/limits.js';
import { importPackage } from '../../shared/packages/import-package.js';
import { openVerifiedPackage } from '../../shared/packages/open-package.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import type { CliIo } from '../io.js';
import { openFileSource, type FileSource } from '../../node/file-stream.js';

/** Reads a package file, refusing one over the limit before reading it whole. */
export async function readPackageFile(path: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: `${path} is not a file` };
    if (info.size > DEFAULT_PACKAGE_LIMITS.maxFileBytes) return { ok: false, message: `file-too-large: ${path} is ${info.size} bytes, limit ${DEFAULT_PACKAGE_LIMITS.maxFileBytes}` };
    return { ok: true, bytes: new Uint8Array(await readFile(path)) };
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${(e as Error).message}` };
  }
}

/**
 * Opens a package file to be read a piece at a time (the streamed checks refuse one over
 * their limits from its size before reading it). The caller closes it.
 */
export async function openPackageSource(path: string): Promise<{ ok: true; source: FileSource } | { ok: false; message: string }> {
  try {
    if (!(await stat(path)).isFile()) return { ok: false, message: `${path} is not a file` };
    return { ok: true, source: await openFileSource(path) };
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${(e as Error).message}` };
  }
}

/** `code: English message (中文)`, the form every command prints a refusal in. */
export function formatPackageError(error: PackageError): string {
  return `${error.code}: ${error.message} (${PACKAGE_ERROR_TEXT[error.code].zh})`;
}

/**
 * A trust store from `--trust` arguments: identity-card packages, or folders of them
 * (their `*.zqa` files). Each card must verify as a self-signed card; the person running
 * the command vouches for them by passing them, as an administrator who read the
 * fingerprints would. Assignment packages may be given too, with a recipient's keys (the
 * secretariat's, from `--identity`): each must be signed by a trusted secretariat card, and
 * its roster is then trusted for its panel, in the role it gives each member, as a device
 * that imported it would. So the secretariat's card and the assignments are trust enough.
 */
export interface LoadedTrust {
  trust: TrustStore;
  /** The assignments given and verified: packages about a panel are bound to them, as on a device that imported them. */
  assignments: AssignmentContent[];
}

export async function loadTrust(paths: readonly string[], io: CliIo, command: string, keys: KeyHolder | null = null): Promise<LoadedTrust | null> {
  const fail = (message: string) => {
    io.stderr(`zqa ${command}: --trust ${message}\n`);
    return null;
  };
  const cards: IdentityCard[] = [];
  const assignments: { file: string; bytes: Uint8Array }[] = [];
  for (const path of paths) {
    let files = [path];
    try {
      if ((await stat(path)).isDirectory()) files = (await readdir(path)).filter((f) => f.endsWith('.zqa')).sort().map((f) => join(path, f));
    } catch (e) {
      return fail(`cannot read ${path}: ${(e as Error).message}`);
    }
    for (const file of files) {
      const read = await readPackageFile(file);
      if (!read.ok) return fail(read.message);
      const verified = await verifyPackage(read.bytes, { trust: null, accept: ['identity-card', 'assignment'] });
      if (verified.ok && verified.value.manifest.type === 'assignment') {
        assignments.push({ file, bytes: read.bytes });
        continue;
      }
      const opened = verified.ok ? await openVerifiedPackage(verified.value, null) : verified;
      if (!opened.ok) return fail(`${file} is not a valid identity card or assignment: ${formatPackageError(opened.error)}`);
      if (opened.value.type === 'identity-card') cards.push(opened.value.content);
    }
  }
  let store = trustCards(EMPTY_TRUST_STORE, cards);
  const contents: AssignmentContent[] = [];
  for (const a of assignments) {
    if (!keys) return fail(`${a.file} is an assignment: give --identity KEYFILE (one of its recipients', e.g. the secretariat's) to read its roster`);
    const opened = await importPackage(a.bytes, { keys, trust: store, accept: ['assignment'], history: NO_HISTORY, held: null });
    if (!opened.ok) return fail(`${a.file}: refused: ${formatPackageError(opened.error)}`);
    // The import is typed by what it accepts: only an assignment comes back.
    if (opened.value.type === 'assignment') {
      store = trustAssignmentRoster(store, opened.value.content);
      contents.push(opened.value.content);
    }
  }
  return { trust: store, assignments: contents };
}
