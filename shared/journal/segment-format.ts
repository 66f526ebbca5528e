import { bytesEqual, concatBytes, readU32, sha256, toHex, writeU32 } from '../util/bytes.js';
import { seqFileNames } from './seq-file-name.js';
import { crc32 } from '../packages/crc32.js';
import { SoftwareSha256 } from '../util/sha256-stream.js';
import { JournalError } from './journal-errors.js';

/**
 * A journal segment file (`journal-<first seq, 12 digits>.zqj`): a header, then frames.
 *
 *   "ZQAJRNL" 0x01 | u32 header length | header (JSON)  { format, version, firstSeq, prevHash, cipher, createdAt }
 *   frame*:  u32 body length | u32 CRC-32 of body | body
 *   body  =  the cipher's seal of:  u32 seq | 32-byte chain hash | record (canonical JSON)
 *
 * Chain: hash(n) = SHA-256(hash(n−1) ‖ u32 n ‖ record), hash(0) = 32 zero bytes; the header's
 * prevHash is hash(firstSeq − 1), so each segment checks on its own and against the one
 * before. All integers big-endian. Frames are appended and flushed one at a time, so only the
 * last one can be torn by a crash; anything else that does not read back is damage.
 */
const SEGMENT_MAGIC = new Uint8Array([0x5a, 0x51, 0x41, 0x4a, 0x52, 0x4e, 0x4c, 0x01]); // "ZQAJRNL\1"
export const GENESIS_HASH = '0'.repeat(64);
const FRAME_HEAD = 8;
const BODY_HEAD = 36;
const FRAME_AAD = new TextEncoder().encode('zqa-journal-frame');
const MAX_HEADER = 4096;

export interface SegmentHeader {
  format: 'zqa-journal-segment';
  version: 1;
  firstSeq: number;
  prevHash: string;
  cipher: 'none' | 'aes-256-gcm';
  createdAt: string;
}

const NAMES = seqFileNames('journal', 'zqj');
export const segmentName = NAMES.nameOf;
export const seqOfSegmentName = NAMES.seqOf;

export function encodeSegmentHeader(header: SegmentHeader): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const length = new Uint8Array(4);
  writeU32(length, 0, json.byteLength);
  return concatBytes([SEGMENT_MAGIC, length, json]);
}

/** The header and where the frames start; JournalError('damaged') when it is not one. */
export function decodeSegmentHeader(bytes: Uint8Array, name: string): { header: SegmentHeader; framesAt: number } {
  const bad = (why: string) => new JournalError('damaged', `${name}: ${why}`);
  if (bytes.byteLength < SEGMENT_MAGIC.length + 4 || !bytesEqual(bytes.subarray(0, SEGMENT_MAGIC.length), SEGMENT_MAGIC)) throw bad('not a journal segment');
  const length = readU32(bytes, SEGMENT_MAGIC.length);
  const framesAt = SEGMENT_MAGIC.length + 4 + length;
  if (length > MAX_HEADER || framesAt > bytes.byteLength) throw bad('its header is cut short');
  let header: SegmentHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(SEGMENT_MAGIC.length + 4, framesAt))) as SegmentHeader;
  } catch {
    throw bad('its header is not JSON');
  }
  const valid =
    header.format === 'zqa-journal-segment' && header.version === 1 && Number.isInteger(header.firstSeq) && header.firstSeq >= 1 &&
    typeof header.prevHash === 'string' && /^[0-9a-f]{64}$/.test(header.prevHash) && (header.cipher === 'none' || header.cipher === 'aes-256-gcm');
  if (!valid) throw bad('its header is not a version 1 segment header');
  return { header, framesAt };
}

function chainInput(prevHash: string, seq: number, record: Uint8Array): Uint8Array {
  const input = new Uint8Array(32 + 4 + record.byteLength);
  for (let i = 0; i < 32; i++) input[i] = parseInt(prevHash.slice(i * 2, i * 2 + 2), 16);
  writeU32(input, 32, seq);
  input.set(record, 36);
  return input;
}

/** The chain hash of record `seq` after `prevHash`: the same wherever it is computed (the writer checks the host's). */
export async function chainHash(prevHash: string, seq: number, record: Uint8Array): Promise<string> {
  // WebCrypto, not the script SHA-256 of shared/history: that one is fast only once the
  // engine has compiled it, and a journal is checked right after the page or worker starts.
  return toHex(await sha256(chainInput(prevHash, seq, record)));
}

/** Records up to this size are hashed in script on the append path (see chainHashOfAppend). */
const SCRIPT_HASH_MAX = 64 * 1024;

/**
 * The same chain hash, for the append path of one edit. A record of a few hundred bytes hashes
 * in script in microseconds once the engine has compiled it (after the first edits), while
 * WebCrypto's digest is a hop to another thread and back, which a loaded machine stretches to
 * milliseconds, twice per save (the page and the journal each hash the record). A large record
 * (an import, a reset) goes to WebCrypto, so that no thread stalls on it.
 */
export function chainHashOfAppend(prevHash: string, seq: number, record: Uint8Array): Promise<string> {
  if (record.byteLength > SCRIPT_HASH_MAX) return chainHash(prevHash, seq, record);
  const hash = new SoftwareSha256();
  hash.update(chainInput(prevHash, seq, record));
  return Promise.resolve(toHex(hash.digest()));
}

export function encodeFrameBody(seq: number, hash: string, record: Uint8Array): Uint8Array {
  const body = new Uint8Array(BODY_HEAD + record.byteLength);
  writeU32(body, 0, seq);
  for (let i = 0; i < 32; i++) body[4 + i] = parseInt(hash.slice(i * 2, i * 2 + 2), 16);
  body.set(record, BODY_HEAD);
  return body;
}

export function decodeFrameBody(body: Uint8Array): { seq: number; hash: string; record: Uint8Array } {
  if (body.byteLength < BODY_HEAD) throw new JournalError('damaged', 'a frame is shorter than its header');
  return { seq: readU32(body, 0), hash: toHex(body.subarray(4, BODY_HEAD)), record: body.subarray(BODY_HEAD) };
}

export function encodeFrame(sealedBody: Uint8Array): Uint8Array {
  const frame = new Uint8Array(FRAME_HEAD + sealedBody.byteLength);
  writeU32(frame, 0, sealedBody.byteLength);
  writeU32(frame, 4, crc32(sealedBody));
  frame.set(sealedBody, FRAME_HEAD);
  return frame;
}

export const frameAad = (): Uint8Array => FRAME_AAD;

export interface ScannedFrame {
  offset: number;
  length: number;
  body: Uint8Array;
}

/**
 * Reads frames from `framesAt`. `end` is where the last whole frame ends. `tail` says what
 * follows it: nothing; a torn frame (cut short, or zeros where the OS extended the file before
 * the crash); or damage (a frame whose check fails with data after it).
 */
export function scanFrames(bytes: Uint8Array, framesAt: number): { frames: ScannedFrame[]; end: number; tail: 'clean' | 'torn' | 'damaged' } {
  const frames: ScannedFrame[] = [];
  let at = framesAt;
  while (at < bytes.byteLength) {
    const rest = bytes.byteLength - at;
    if (rest < FRAME_HEAD) return { frames, end: at, tail: 'torn' };
    const length = readU32(bytes, at);
    const end = at + FRAME_HEAD + length;
    if (length < BODY_HEAD || end > bytes.byteLength) return { frames, end: at, tail: tornOrDamaged(bytes, at, end) };
    const body = bytes.subarray(at + FRAME_HEAD, end);
    if (crc32(body) !== readU32(bytes, at + 4)) return { frames, end: at, tail: end === bytes.byteLength || allZero(bytes, at) ? 'torn' : 'damaged' };
    frames.push({ offset: at, length: FRAME_HEAD + length, body });
    at = end;
  }
  return { frames, end: at, tail: 'clean' };
}

function allZero(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.byteLength; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** A frame that cannot be whole: torn if it runs past the end of the file or only zeros follow. */
function tornOrDamaged(bytes: Uint8Array, at: number, end: number): 'torn' | 'damaged' {
  return end > bytes.byteLength || allZero(bytes, at) ? 'torn' : 'damaged';
}
