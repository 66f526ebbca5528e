import { PLAIN, type AppendFile, type AtRestCipher, type JournalFiles } from './journal-files.js';
import { chainHash, decodeFrameBody, decodeSegmentHeader, frameAad, scanFrames, seqOfSegmentName } from './segment-format.js';

/** Where one record is in its segment file. */
export interface FrameRef {
  seq: number;
  hash: string;
  offset: number;
  length: number;
}

export interface LoadedSegment {
  name: string;
  firstSeq: number;
  prevHash: string;
  cipher: 'none' | 'aes-256-gcm';
  frames: FrameRef[];
  /** The file's length up to its last whole frame. */
  bytes: number;
}

export interface LoadedSegments {
  segments: LoadedSegment[];
  /** The last segment, open for appending, when it is whole. */
  active: { segment: LoadedSegment; file: AppendFile } | null;
  tornTailBytes: number;
  damage: string | null;
}

class Damage extends Error {}

/** A last segment this short whose header does not read is a header torn at rotation. */
const MAX_TORN_HEADER = 12 + 4096;

/**
 * Reads every segment in order and checks each record: its frame's CRC, that it decrypts,
 * that its seq follows, that its chain hash is right, and that each segment starts where the
 * one before ended. A torn last frame (a crash while it was written: it was never
 * acknowledged) is cut off. Anything else that fails is damage: the bad segment is copied
 * aside as `<name>.damaged-<time>` and cut at the last good record, later segments are set
 * aside whole, and what was found is reported; the journal goes on from the last good record.
 */
export async function loadSegments(files: JournalFiles, names: string[], cipher: AtRestCipher, now: Date): Promise<LoadedSegments> {
  const ordered = names.filter((n) => seqOfSegmentName(n) !== null).sort();
  const out: LoadedSegments = { segments: [], active: null, tornTailBytes: 0, damage: null };
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (const [i, name] of ordered.entries()) {
    const last = i === ordered.length - 1;
    if (out.damage) {
      await files.rename(name, `${name}.damaged-${stamp}`);
      continue;
    }
    const file = await files.openAppend(name);
    const bytes = file.read(0, file.size());
    const prev = out.segments.at(-1);
    try {
      const segment = await loadOne(name, bytes, prev, cipher, last, out);
      if (segment === 'torn-header') {
        // A segment whose header a crash cut short holds no record: as if never started.
        file.close();
        await files.remove(name);
        continue;
      }
      out.segments.push(segment);
      if (segment.bytes < bytes.byteLength) {
        // Damage is kept for whoever looks into it; a torn tail was never acknowledged.
        if (out.damage) await files.writeAtomic(`${name}.damaged-${stamp}`, bytes).catch(() => undefined);
        file.truncate(segment.bytes);
        file.flush();
      }
      if (last && !out.damage) out.active = { segment, file };
      else file.close();
    } catch (e) {
      file.close();
      out.damage = `${name}: ${e instanceof Error ? e.message : String(e)}`;
      await files.rename(name, `${name}.damaged-${stamp}`);
    }
  }
  return out;
}

async function loadOne(name: string, bytes: Uint8Array, prev: LoadedSegment | undefined, cipher: AtRestCipher, last: boolean, out: LoadedSegments): Promise<LoadedSegment | 'torn-header'> {
  let decoded;
  try {
    decoded = decodeSegmentHeader(bytes, name);
  } catch (e) {
    // Too short to hold a header and a record: a crash cut the header written at rotation.
    if (last && bytes.byteLength <= MAX_TORN_HEADER) return 'torn-header';
    throw e;
  }
  const { header, framesAt } = decoded;
  if (prev) {
    const prevSeq = prev.frames.at(-1)?.seq ?? prev.firstSeq - 1;
    const prevHash = prev.frames.at(-1)?.hash ?? prev.prevHash;
    if (header.firstSeq !== prevSeq + 1 || header.prevHash !== prevHash) throw new Damage(`does not continue the segment before it (record ${prevSeq})`);
  }
  const segmentCipher = header.cipher === 'none' ? PLAIN : cipher;
  if (segmentCipher.name !== header.cipher) throw new Damage(`is sealed with ${header.cipher}, and this device has no key for it`);
  const scan = scanFrames(bytes, framesAt);
  const segment: LoadedSegment = { name, firstSeq: header.firstSeq, prevHash: header.prevHash, cipher: header.cipher, frames: [], bytes: framesAt };
  // Every record decrypted and hashed first (the hashes all at once), then the chain checked in order.
  const opened: ({ seq: number; hash: string; record: Uint8Array } | null)[] = scan.frames.map((frame) => {
    try {
      return decodeFrameBody(segmentCipher.open(frame.body, frameAad()));
    } catch {
      return null;
    }
  });
  const firstBad = opened.indexOf(null);
  const whole = (firstBad < 0 ? opened : opened.slice(0, firstBad)) as { seq: number; hash: string; record: Uint8Array }[];
  const hashes = await Promise.all(whole.map((r, i) => chainHash(i === 0 ? header.prevHash : whole[i - 1]!.hash, r.seq, r.record)));
  let seq = header.firstSeq - 1;
  for (const [i, r] of whole.entries()) {
    if (r.seq !== seq + 1 || r.hash !== hashes[i]) {
      out.damage = `${name}: the chain breaks after record ${seq}`;
      return segment;
    }
    const frame = scan.frames[i]!;
    seq = r.seq;
    segment.frames.push({ seq, hash: r.hash, offset: frame.offset, length: frame.length });
    segment.bytes = frame.offset + frame.length;
  }
  if (firstBad >= 0) {
    out.damage = `${name}: record ${seq + 1} does not decrypt`;
    return segment;
  }
  if (scan.tail === 'torn' && last) out.tornTailBytes = bytes.byteLength - scan.end;
  else if (scan.tail !== 'clean') out.damage = `${name}: the frame after record ${seq} is damaged`;
  return segment;
}
