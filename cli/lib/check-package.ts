import { readFile } from 'node:fs/promises';
import { openKeyBackup } from '../../shared/crypto/key-backup.js';
import { keyIdOf } from '../../shared/crypto/key-id.js';
import { softwareKeyHolderFromPkcs8, type KeyHolder } from '../../shared/crypto/key-holder.js';
import type { TrustStore } from '../../shared/identity/trust-store.js';
import type { PackageError } from '../../shared/packages/errors.js';
import { heldRecordsFrom, type HeldRecords } from '../../shared/packages/held-records.js';
import { packageTypeSchema, PACKAGE_TYPES, type PackageType } from '../../shared/packages/manifest.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import type { SignedManifest } from '../../shared/packages/signed-manifest.js';
import type { ByteSource } from '../../shared/packages/stream/byte-io.js';
import { importPackageStream, type AttachmentStore, type StreamImportedPackage } from '../../shared/packages/stream/import-package-stream.js';
import { verifyPackageStream } from '../../shared/packages/stream/verify-package-stream.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { ok, type Result } from '../../shared/util/result.js';
import { UsageError, type CliIo } from '../io.js';
import { nodeCrc32, nodeSha256 } from '../../node/file-stream.js';
import { nodeChunkCipher } from '../../node/node-chunk-cipher.js';
import { loadTrust } from './package-files.js';
import { readPassphrase } from './passphrase.js';

/**
 * What `zqa verify` and `zqa open` share, so that one refuses whatever the other refuses: the
 * same options (`--trust`, `--type`, `--identity`), the same trust and held assignments built
 * from them, and the same shared checks the app runs (the streamed importer), with nothing
 * stored but what `zqa open` writes out.
 */
export const CHECK_OPTIONS = {
  trust: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
  identity: { type: 'string' },
} as const;

export const CHECK_USAGE = `  --trust     identity-card packages (or folders of them) whose signers you accept, and
              assignment packages signed by a trusted secretariat card (with --identity):
              their rosters are trusted for their panels, and packages about a panel are
              checked against them (cycle, applicant, panel, roster, sender's name)
  --type      accept only these package types (${PACKAGE_TYPES.join(', ')})
  --identity  a recipient's key file (passphrase from ZQA_PASSPHRASE or a prompt): also
              decrypt and check the content, every scoresheet's hash-chained history and
              current scores, and a panel return's nested packages and completeness`;

export interface CheckSetup {
  keys: KeyHolder | null;
  trust: TrustStore | null;
  /** The assignments given to --trust; null when none was (then no binding is checked, and it is said). */
  held: HeldRecords | null;
  accept: PackageType[];
}

/** Reads the options both commands take; null after printing why (a bad key file or trust argument). */
export async function checkSetup(values: { trust?: string[] | undefined; type?: string[] | undefined; identity?: string | undefined }, io: CliIo, command: string, usage: string): Promise<CheckSetup | null> {
  const accept: PackageType[] = [];
  for (const t of values.type ?? []) {
    const parsed = packageTypeSchema.safeParse(t);
    if (!parsed.success) throw new UsageError(`unknown package type "${t}"\n${usage}`);
    accept.push(parsed.data);
  }
  // The key first: with it, assignments given to --trust vouch for their rosters.
  const keys = values.identity ? await keyHolderFromFile(values.identity, io, command) : null;
  if (values.identity && !keys) return null;
  const loaded = values.trust ? await loadTrust(values.trust, io, command, keys) : null;
  if (values.trust && !loaded) return null;
  const held = loaded && loaded.assignments.length > 0 ? heldRecordsFrom({ assignments: loaded.assignments }) : null;
  return { keys, trust: loaded?.trust ?? null, held, accept };
}

export interface CheckedFile<T = unknown> {
  verified: SignedManifest;
  /** Decrypted and checked content, its files as the store made them; null when no key given could read it. */
  imported: StreamImportedPackage<T> | null;
}

/**
 * The package as the app's importer sees it, read from the file a piece at a time (never the
 * whole file in memory; a version-2 package or a panel return is read whole within the
 * in-memory limits): everything checkable without a key, and with a recipient's key
 * everything else, each file to `store`, which keeps it only when the whole package passed.
 * `needContent`: refuse what the key cannot open (`zqa open`).
 */
export async function checkPackageSource<T>(source: ByteSource, setup: CheckSetup, needContent: boolean, store: AttachmentStore<T>): Promise<Result<CheckedFile<T>, PackageError>> {
  const accept = setup.accept.length ? { accept: setup.accept } : {};
  const native = { sha256: nodeSha256, crc32: nodeCrc32 };
  const verified = await verifyPackageStream(source, { trust: setup.trust, held: setup.held, ...accept, ...native });
  if (!verified.ok) return verified;
  const readable = setup.keys !== null && (await canRead(verified.value, setup.keys));
  if (!readable && !needContent) return ok({ verified: verified.value, imported: null });
  const options = { keys: setup.keys, trust: setup.trust, accept: setup.accept.length ? setup.accept : PACKAGE_TYPES, history: NO_HISTORY, held: setup.held, ...native, chunkCipher: nodeChunkCipher };
  const imported = await importPackageStream(source, options, store);
  return imported.ok ? ok({ verified: verified.value, imported: imported.value }) : imported;
}

/** Identity cards are public; any other package is readable by its recipients only. */
async function canRead(verified: SignedManifest, keys: KeyHolder): Promise<boolean> {
  const { manifest } = verified;
  if (manifest.type === 'identity-card') return true;
  const keyId = await keyIdOf(fromBase64((await keys.publicKeys()).signingKey));
  return manifest.recipients.some((r) => r.keyId === keyId);
}

async function keyHolderFromFile(path: string, io: CliIo, command: string): Promise<KeyHolder | null> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    io.stderr(`zqa ${command}: cannot read key file ${path}: ${(e as Error).message}\n`);
    return null;
  }
  const material = await openKeyBackup(bytes, await readPassphrase(io, path));
  if (!material.ok) {
    io.stderr(`zqa ${command}: key file ${path}: ${material.error.code}: ${material.error.message}\n`);
    return null;
  }
  return softwareKeyHolderFromPkcs8(material.value.signingPkcs8, material.value.encryptionPkcs8);
}
