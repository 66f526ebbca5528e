import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import { trustCards } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import { PACKAGE_ERROR_TEXT, type PackageError } from '../../shared/packages/errors.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../shared/packages/limits.js';
import { openVerifiedPackage } from '../../shared/packages/open-package.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import type { CliIo } from '../io.js';

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

/** `code: English message (中文)`, the form every command prints a refusal in. */
export function formatPackageError(error: PackageError): string {
  return `${error.code}: ${error.message} (${PACKAGE_ERROR_TEXT[error.code].zh})`;
}

/**
 * A trust store from `--trust` arguments: identity-card packages, or folders of them
 * (their `*.zqa` files). Each card must verify as a self-signed card; the person running
 * the command vouches for them by passing them, as an administrator who read the
 * fingerprints would.
 */
export async function loadTrust(paths: readonly string[], io: CliIo, command: string): Promise<TrustStore | null> {
  const cards: IdentityCard[] = [];
  for (const path of paths) {
    let files = [path];
    try {
      if ((await stat(path)).isDirectory()) files = (await readdir(path)).filter((f) => f.endsWith('.zqa')).sort().map((f) => join(path, f));
    } catch (e) {
      io.stderr(`zqa ${command}: cannot read --trust ${path}: ${(e as Error).message}\n`);
      return null;
    }
    for (const file of files) {
      const read = await readPackageFile(file);
      if (!read.ok) {
        io.stderr(`zqa ${command}: --trust ${read.message}\n`);
        return null;
      }
      const verified = await verifyPackage(read.bytes, { trust: null, accept: ['identity-card'] });
      const opened = verified.ok ? await openVerifiedPackage(verified.value, null) : verified;
      if (!opened.ok) {
        io.stderr(`zqa ${command}: --trust ${file} is not a valid identity card: ${formatPackageError(opened.error)}\n`);
        return null;
      }
      cards.push(opened.value.content as IdentityCard);
    }
  }
  return trustCards(EMPTY_TRUST_STORE, cards);
}
