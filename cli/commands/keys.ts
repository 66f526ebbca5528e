import { readFile } from 'node:fs/promises';
import { openKeyBackup, peekKeyBackupPublicKeys, sealKeyBackup } from '../../shared/crypto/key-backup.js';
import { softwareKeyHolderFromPkcs8 } from '../../shared/crypto/key-holder.js';
import { makeIdentityCard } from '../../shared/identity/identity-card.js';
import { identityFactsSchema } from '../../shared/identity/role.js';
import { writeFileAtomic } from '../lib/atomic-write.js';
import { createParticipant, writeCardPackage } from '../lib/demo-participant.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { formatPackageError } from '../lib/package-files.js';
import { readPassphrase } from '../lib/passphrase.js';
import { printJson, UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa keys new --name NAME --organisation ORG --role secretariat|leader|expert --out KEYFILE [--card CARD.zqa]
       zqa keys show KEYFILE [--check]
  new   makes P-256 signing and encryption keys, seals them with a passphrase (ZQA_PASSPHRASE
        or a prompt; 12 characters at least) and writes the identity card package if asked.
  show  prints the public keys, key id and fingerprint; --check also opens the file.`;

export async function keysCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const [sub, ...rest] = args;
  if (sub === 'new') return keysNew(rest, io);
  if (sub === 'show') return keysShow(rest, io);
  throw new UsageError(USAGE);
}

async function keysNew(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseCommandArgs(
    args,
    { name: { type: 'string' }, organisation: { type: 'string' }, role: { type: 'string' }, out: { type: 'string' }, card: { type: 'string' } },
    USAGE,
  );
  const facts = identityFactsSchema.safeParse({ name: values.name, organisation: values.organisation ?? '', role: values.role });
  if (!facts.success || !values.out) throw new UsageError(USAGE);
  const passphrase = await readPassphrase(io, values.out);
  if (passphrase.length < 12) throw new UsageError('the passphrase must have 12 characters at least');
  const p = await createParticipant(facts.data);
  await writeFileAtomic(values.out, await sealKeyBackup(p.material, passphrase));
  if (values.card) {
    const card = await writeCardPackage(p, new Date());
    if (!card.ok) {
      io.stderr(`zqa keys: ${card.error.package ? formatPackageError(card.error.package) : card.error.en}\n`);
      return 1;
    }
    await writeFileAtomic(values.card, card.value.bytes);
  }
  io.stdout(`${values.out}: keys for ${p.card.name}, key id ${p.card.keyId}, fingerprint ${p.card.fingerprint}\n`);
  return 0;
}

async function keysShow(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { check: { type: 'boolean' } }, USAGE);
  const file = positionals[0];
  if (!file) throw new UsageError(USAGE);
  const bytes = new Uint8Array(await readFile(file));
  const publicKeys = peekKeyBackupPublicKeys(bytes);
  if (!publicKeys) {
    io.stderr(`zqa keys: ${file} is not a key file\n`);
    return 1;
  }
  let identity = null;
  if (values.check) {
    const opened = await openKeyBackup(bytes, await readPassphrase(io, file));
    if (!opened.ok) {
      io.stderr(`zqa keys: ${file}: ${opened.error.code}: ${opened.error.message}\n`);
      return 1;
    }
    const holder = await softwareKeyHolderFromPkcs8(opened.value.signingPkcs8, opened.value.encryptionPkcs8);
    if ((await holder.publicKeys()).signingKey !== publicKeys.signingKey) return 1;
    identity = opened.value.identity ?? null;
  }
  const card = await makeIdentityCard({ name: identity?.name ?? '-', organisation: identity?.organisation ?? '', role: identity?.role ?? 'expert' }, publicKeys);
  printJson(io, { keyId: card.keyId, fingerprint: card.fingerprint, ...publicKeys, identity, checked: values.check === true });
  return 0;
}
