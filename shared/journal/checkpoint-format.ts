import { bytesEqual, concatBytes, readU32, sha256Hex, writeU32 } from '../util/bytes.js';
import { seqFileNames } from './seq-file-name.js';
import { JournalError } from './journal-errors.js';
import type { AtRestCipher } from './journal-files.js';

/**
 * A checkpoint file (`checkpoint-<seq, 12 digits>.zqc`): the whole state after record `seq`
 * (journal-state.ts), so the journal before it can be let go. Never overwritten: each has its
 * own name, and the store writes one only for a seq beyond the newest it has.
 *
 *   "ZQACKPT" 0x01 | u32 header length | header (JSON) | the cipher's seal of the body
 *   header: { format, version, seq, hash, schema, rows, cipher, bodySha256, createdAt }
 *
 * bodySha256 is over the plain body: a damaged plain checkpoint is found, not folded.
 */
const CHECKPOINT_MAGIC = new Uint8Array([0x5a, 0x51, 0x41, 0x43, 0x4b, 0x50, 0x54, 0x01]); // "ZQACKPT\1"

export interface CheckpointHeader {
  format: 'zqa-journal-checkpoint';
  version: 1;
  seq: number;
  hash: string;
  schema: number;
  rows: number;
  cipher: 'none' | 'aes-256-gcm';
  bodySha256: string;
  createdAt: string;
}

const NAMES = seqFileNames('checkpoint', 'zqc');
export const checkpointName = NAMES.nameOf;
export const seqOfCheckpointName = NAMES.seqOf;

const aadOf = (seq: number) => new TextEncoder().encode(`zqa-journal-checkpoint:${seq}`);

export async function encodeCheckpoint(
  meta: { seq: number; hash: string; schema: number; rows: number; createdAt: string },
  body: Uint8Array,
  cipher: AtRestCipher,
): Promise<Uint8Array> {
  const header: CheckpointHeader = { format: 'zqa-journal-checkpoint', version: 1, ...meta, cipher: cipher.name, bodySha256: await sha256Hex(body) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const length = new Uint8Array(4);
  writeU32(length, 0, json.byteLength);
  return concatBytes([CHECKPOINT_MAGIC, length, json, cipher.seal(body, aadOf(meta.seq))]);
}

/** The header and the plain body; JournalError('damaged') for anything that does not check. */
export async function decodeCheckpoint(bytes: Uint8Array, name: string, cipher: AtRestCipher): Promise<{ header: CheckpointHeader; body: Uint8Array }> {
  const bad = (why: string) => new JournalError('damaged', `${name}: ${why}`);
  if (bytes.byteLength < CHECKPOINT_MAGIC.length + 4 || !bytesEqual(bytes.subarray(0, CHECKPOINT_MAGIC.length), CHECKPOINT_MAGIC)) throw bad('not a checkpoint');
  const length = readU32(bytes, CHECKPOINT_MAGIC.length);
  const bodyAt = CHECKPOINT_MAGIC.length + 4 + length;
  if (length > 4096 || bodyAt > bytes.byteLength) throw bad('its header is cut short');
  let header: CheckpointHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(CHECKPOINT_MAGIC.length + 4, bodyAt))) as CheckpointHeader;
  } catch {
    throw bad('its header is not JSON');
  }
  if (header.format !== 'zqa-journal-checkpoint' || header.version !== 1 || header.seq !== seqOfCheckpointName(name)) throw bad('its header does not match its name');
  if (header.cipher !== cipher.name) throw bad(`it is sealed with ${header.cipher}, the journal uses ${cipher.name}`);
  let body: Uint8Array;
  try {
    body = cipher.open(bytes.subarray(bodyAt), aadOf(header.seq));
  } catch {
    throw bad('it does not decrypt (altered, or sealed under another key)');
  }
  if ((await sha256Hex(body)) !== header.bodySha256) throw bad('its contents do not match their SHA-256');
  return { header, body };
}
