import { sha256Hex } from '../util/bytes.js';
import { checkpointName, decodeCheckpoint, encodeCheckpoint, seqOfCheckpointName } from './checkpoint-format.js';
import { JournalError } from './journal-errors.js';
import { PLAIN, type AppendFile, type AtRestCipher, type JournalFiles } from './journal-files.js';
import { parseJournalRecord, recordBlobRefs } from './journal-record.js';
import { JournalState, parseCheckpointBody } from './journal-state.js';
import { loadSegments, type FrameRef, type LoadedSegment } from './segment-loader.js';
import {
  chainHashOfAppend,
  decodeFrameBody,
  encodeFrame,
  encodeFrameBody,
  encodeSegmentHeader,
  frameAad,
  GENESIS_HASH,
  segmentName,
} from './segment-format.js';

/**
 * The journal: an append-only, hash-chained log of records (journal-record.ts) in segment
 * files, compacted into checkpoints kept in generations, with a blob store keyed by SHA-256.
 * The same code runs behind both hosts (journal-files.ts is what differs).
 *
 * Every public method runs alone (one queue): an append never interleaves with a compaction.
 */
export interface JournalStoreOptions {
  now?: () => Date;
  /** A new segment starts once the current one holds this many bytes. */
  rotateBytes?: number;
  /** A checkpoint is due after this many records or bytes since the last one. */
  compactRecords?: number;
  compactBytes?: number;
  /** How many checkpoints are kept; the oldest one kept can still be rolled forward. */
  generations?: number;
}

export interface JournalHead {
  /** The last record's place in the chain (0 and the genesis hash for an empty journal). */
  seq: number;
  hash: string;
  /** The newest checkpoint's seq, 0 when there is none. */
  checkpointSeq: number;
  recordsSinceCheckpoint: number;
  atRest: 'encrypted' | 'plain';
  /** Bytes of a frame torn by a crash and cut off when the journal was opened. */
  tornTailBytes: number;
  /** What was found damaged when the journal was opened (set aside, named), or null. */
  damage: string | null;
}

export interface AppendArgs {
  /** The head the writer built on: the append is refused unless it is still the head. */
  expectedSeq: number;
  expectedHash: string;
  record: Uint8Array;
  /** Bytes of blobs the record refers to that the store may not have yet. */
  blobs: { sha256: string; bytes: Uint8Array }[];
}

export type AppendOutcome =
  | { status: 'appended'; seq: number; hash: string }
  | { status: 'stale'; head: JournalHead }
  | { status: 'missing-blobs'; sha256s: string[] };

export interface ReadResult {
  /** The state to start from when the records after `afterSeq` are no longer kept. */
  checkpoint: { seq: number; hash: string; body: Uint8Array } | null;
  records: { seq: number; hash: string; record: Uint8Array }[];
  /** More records follow (read again after the last one). */
  more: boolean;
}

const DEFAULTS = { rotateBytes: 4 * 1024 * 1024, compactRecords: 1000, compactBytes: 8 * 1024 * 1024, generations: 3 };
const blobName = (sha256: string, cipher: AtRestCipher) => (cipher.name === 'none' ? sha256 : `${sha256}.sealed`);
const blobAad = (sha256: string) => new TextEncoder().encode(`zqa-journal-blob:${sha256}`);

export class JournalStore {
  private readonly options: Required<JournalStoreOptions>;
  private segments: LoadedSegment[] = [];
  private active: { segment: LoadedSegment; file: AppendFile } | null = null;
  private checkpoints: number[] = [];
  private knownBlobs = new Set<string>();
  private seq = 0;
  private hash = GENESIS_HASH;
  private tornTailBytes = 0;
  private damage: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private cached: { name: string; bytes: Uint8Array } | null = null;

  private constructor(
    private readonly files: JournalFiles,
    private readonly cipher: AtRestCipher,
    options: JournalStoreOptions,
  ) {
    this.options = { now: () => new Date(), ...DEFAULTS, ...options };
  }

  /** Opens the journal: a torn last frame is cut off, damage is set aside and reported. */
  static async open(files: JournalFiles, cipher: AtRestCipher = PLAIN, options: JournalStoreOptions = {}): Promise<JournalStore> {
    const store = new JournalStore(files, cipher, options);
    await store.load();
    return store;
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<void> {
    const names = await this.files.list();
    for (const name of names.filter((n) => n.includes('.tmp-'))) await this.files.remove(name).catch(() => undefined);
    this.checkpoints = names.map(seqOfCheckpointName).filter((s): s is number => s !== null).sort((a, b) => a - b);
    const loaded = await loadSegments(this.files, names, this.cipher, this.options.now());
    this.segments = loaded.segments;
    this.tornTailBytes = loaded.tornTailBytes;
    this.damage = loaded.damage;
    if (loaded.active) this.active = loaded.active;
    const last = this.segments.at(-1);
    const lastFrame = last?.frames.at(-1);
    if (last && lastFrame) [this.seq, this.hash] = [lastFrame.seq, lastFrame.hash];
    else if (last) [this.seq, this.hash] = [last.firstSeq - 1, last.prevHash];
    else await this.headFromCheckpoint();
    const first = this.segments[0];
    if (first && first.firstSeq > 1 && !this.checkpoints.some((c) => c >= first.firstSeq - 1) && !this.damage) {
      this.damage = `the journal starts at record ${first.firstSeq} and no checkpoint holds what came before`;
    }
    this.knownBlobs = new Set(await this.files.blobs.list());
  }

  /** No segments: the head is the newest checkpoint that reads back whole, or the empty journal. */
  private async headFromCheckpoint(): Promise<void> {
    for (const seq of [...this.checkpoints].reverse()) {
      try {
        const { header } = await decodeCheckpoint(await this.files.read(checkpointName(seq)), checkpointName(seq), this.cipher);
        [this.seq, this.hash] = [header.seq, header.hash];
        return;
      } catch (e) {
        this.damage ??= e instanceof Error ? e.message : String(e);
      }
    }
  }

  head(): JournalHead {
    const checkpointSeq = this.checkpoints.at(-1) ?? 0;
    return {
      seq: this.seq,
      hash: this.hash,
      checkpointSeq,
      recordsSinceCheckpoint: this.seq - checkpointSeq,
      atRest: this.cipher.name === 'none' ? 'plain' : 'encrypted',
      tornTailBytes: this.tornTailBytes,
      damage: this.damage,
    };
  }

  /** Appends one record after the expected head, blobs first; returns once it is flushed to disk. */
  append(args: AppendArgs): Promise<AppendOutcome> {
    return this.run(async () => {
      if (args.expectedSeq !== this.seq || args.expectedHash !== this.hash) return { status: 'stale', head: this.head() };
      const record = parseJournalRecord(args.record);
      const provided = new Map(args.blobs.map((b) => [b.sha256, b.bytes]));
      const missing: string[] = [];
      for (const sha256 of recordBlobRefs(record).keys()) {
        const bytes = provided.get(sha256);
        if (bytes) await this.putBlob(sha256, bytes);
        else if (!this.hasBlob(sha256)) missing.push(sha256);
      }
      if (missing.length > 0) return { status: 'missing-blobs', sha256s: missing };
      const seq = this.seq + 1;
      const hash = await chainHashOfAppend(this.hash, seq, args.record);
      const { segment, file } = await this.activeSegment();
      const frame = encodeFrame(this.cipherOf(segment).seal(encodeFrameBody(seq, hash, args.record), frameAad()));
      const at = file.size();
      try {
        file.write(at, frame);
        file.flush();
      } catch (e) {
        // Nothing half-written stays behind to be read as a torn frame later.
        try {
          file.truncate(at);
          file.flush();
        } catch {
          // The next open cuts a torn tail anyway.
        }
        throw e;
      }
      segment.frames.push({ seq, hash, offset: at, length: frame.byteLength });
      segment.bytes = at + frame.byteLength;
      [this.seq, this.hash] = [seq, hash];
      return { status: 'appended', seq, hash };
    });
  }

  private hasBlob(sha256: string): boolean {
    return this.knownBlobs.has(blobName(sha256, this.cipher)) || this.knownBlobs.has(sha256);
  }

  private async putBlob(sha256: string, bytes: Uint8Array): Promise<void> {
    if ((await sha256Hex(bytes)) !== sha256) throw new JournalError('invalid-record', `the bytes given for blob ${sha256} have another SHA-256`);
    if (this.hasBlob(sha256)) return;
    const name = blobName(sha256, this.cipher);
    await this.files.blobs.write(name, this.cipher.seal(bytes, blobAad(sha256)));
    this.knownBlobs.add(name);
  }

  /** A blob's bytes (a disk-backed File where the host has one), checked against its name when sealed. */
  blob(sha256: string): Promise<Blob | Uint8Array> {
    return this.run(async () => {
      if (this.cipher.name !== 'none' && this.knownBlobs.has(blobName(sha256, this.cipher))) {
        const sealed = await this.files.blobs.read(blobName(sha256, this.cipher));
        const bytes = sealed instanceof Uint8Array ? sealed : new Uint8Array(await sealed.arrayBuffer());
        let plain: Uint8Array;
        try {
          plain = this.cipher.open(bytes, blobAad(sha256));
        } catch {
          throw new JournalError('damaged', `blob ${sha256} does not decrypt (altered, or sealed under another key)`);
        }
        if ((await sha256Hex(plain)) !== sha256) throw new JournalError('damaged', `blob ${sha256} does not match its SHA-256`);
        return plain;
      }
      if (!this.knownBlobs.has(sha256)) throw new JournalError('missing-blob', `the journal has no blob ${sha256}`);
      return this.files.blobs.read(sha256);
    });
  }

  private cipherOf(segment: LoadedSegment): AtRestCipher {
    return segment.cipher === 'none' ? PLAIN : this.cipher;
  }

  private async activeSegment(): Promise<{ segment: LoadedSegment; file: AppendFile }> {
    if (this.active && this.active.segment.bytes < this.options.rotateBytes) return this.active;
    await this.rotate();
    return this.active!;
  }

  /** Starts a new segment after the head: header written, flushed, and its name made durable. */
  private async rotate(): Promise<void> {
    this.active?.file.close();
    this.active = null;
    const name = segmentName(this.seq + 1);
    const existing = this.segments.find((s) => s.name === name);
    if (existing && existing.frames.length === 0) {
      // An empty segment already starts here (a compaction just made it): append to it.
      this.active = { segment: existing, file: await this.files.openAppend(name) };
      return;
    }
    const header = encodeSegmentHeader({ format: 'zqa-journal-segment', version: 1, firstSeq: this.seq + 1, prevHash: this.hash, cipher: this.cipher.name, createdAt: this.options.now().toISOString() });
    const file = await this.files.openAppend(name);
    file.truncate(0);
    file.write(0, header);
    file.flush();
    await this.files.syncFolder();
    const segment: LoadedSegment = { name, firstSeq: this.seq + 1, prevHash: this.hash, cipher: this.cipher.name, frames: [], bytes: header.byteLength };
    this.segments.push(segment);
    this.active = { segment, file };
  }

  /** Records after `afterSeq` (from a checkpoint when they are no longer kept), at most about `maxBytes`. */
  read(afterSeq: number, maxBytes = 16 * 1024 * 1024): Promise<ReadResult> {
    return this.run(async () => {
      if (afterSeq > this.seq) throw new JournalError('ahead', `asked for records after ${afterSeq}; the journal ends at ${this.seq}`);
      if (afterSeq === this.seq) return { checkpoint: null, records: [], more: false };
      const firstKept = this.firstKept();
      let checkpoint: ReadResult['checkpoint'] = null;
      let from = afterSeq;
      if (afterSeq + 1 < firstKept || (afterSeq === 0 && this.checkpoints.length > 0)) {
        checkpoint = await this.usableCheckpoint(afterSeq, firstKept);
        if (!checkpoint) {
          if (afterSeq + 1 < firstKept) throw new JournalError('damaged', `records ${afterSeq + 1}–${firstKept - 1} are gone and no checkpoint holds them`);
        } else from = checkpoint.seq;
      }
      const records: ReadResult['records'] = [];
      let bytes = checkpoint?.body.byteLength ?? 0;
      const wanted = this.framesAfter(from);
      for await (const { frame, record } of this.records(wanted)) {
        records.push({ seq: frame.seq, hash: frame.hash, record });
        bytes += record.byteLength;
        if (bytes >= maxBytes) break;
      }
      return { checkpoint, records, more: records.length < wanted.length };
    });
  }

  /**
   * Reads records segment by segment, each segment's file once (the open one through its
   * handle, the others from disk, the last of those kept for the next call).
   */
  private async *records(frames: { segment: LoadedSegment; frame: FrameRef }[]): AsyncGenerator<{ frame: FrameRef; record: Uint8Array }> {
    let current = null as { segment: LoadedSegment; bytes: Uint8Array } | null;
    for (const { segment, frame } of frames) {
      if (current?.segment !== segment) current = { segment, bytes: await this.segmentBytes(segment) };
      const body = this.cipherOf(segment).open(current.bytes.subarray(frame.offset + 8, frame.offset + frame.length), frameAad());
      const decoded = decodeFrameBody(body);
      if (decoded.seq !== frame.seq || decoded.hash !== frame.hash) throw new JournalError('damaged', `${segment.name}: record ${frame.seq} changed since it was opened`);
      yield { frame, record: decoded.record.slice() };
    }
  }

  private async segmentBytes(segment: LoadedSegment): Promise<Uint8Array> {
    if (this.active?.segment === segment) return this.active.file.read(0, this.active.file.size());
    if (this.cached?.name !== segment.name) this.cached = { name: segment.name, bytes: await this.files.read(segment.name) };
    return this.cached.bytes;
  }

  /** The first record still kept in a segment (after the head when none is). */
  private firstKept(): number {
    return this.segments.find((s) => s.frames.length > 0)?.frames[0]?.seq ?? this.seq + 1;
  }

  private framesAfter(seq: number): { segment: LoadedSegment; frame: FrameRef }[] {
    return this.segments.flatMap((s) => s.frames.filter((f) => f.seq > seq).map((f) => ({ segment: s, frame: f })));
  }

  /** The newest checkpoint at or after `afterSeq` whose records after it are kept, that reads back whole and fits the chain. */
  private async usableCheckpoint(afterSeq: number, firstKept: number): Promise<ReadResult['checkpoint']> {
    for (const seq of [...this.checkpoints].reverse()) {
      if (seq < afterSeq || seq + 1 < firstKept) continue;
      try {
        const { header, body } = await decodeCheckpoint(await this.files.read(checkpointName(seq)), checkpointName(seq), this.cipher);
        if (this.hashAt(seq) === header.hash) return { seq, hash: header.hash, body };
      } catch {
        // A damaged generation: the one before it may still do.
      }
    }
    return null;
  }

  /** The chain hash after record `seq` as the kept segments say it, or undefined. */
  private hashAt(seq: number): string | undefined {
    if (seq === this.seq) return this.hash;
    for (const s of this.segments) {
      if (s.firstSeq === seq + 1) return s.prevHash;
      const f = s.frames.find((x) => x.seq === seq);
      if (f) return f.hash;
    }
    return undefined;
  }

  /** Whether enough has been appended since the last checkpoint to write a new one. */
  compactionDue(): boolean {
    const since = this.seq - (this.checkpoints.at(-1) ?? 0);
    const bytes = this.segments.filter((s) => (s.frames.at(-1)?.seq ?? 0) > (this.checkpoints.at(-1) ?? 0)).reduce((n, s) => n + s.bytes, 0);
    return since > 0 && (since >= this.options.compactRecords || bytes >= this.options.compactBytes);
  }

  /**
   * Writes a checkpoint of the state at the head (the newest one rolled forward), starts a
   * new segment, keeps the newest `generations` checkpoints and the segments after the oldest
   * of them, and lets go of blobs nothing kept refers to. Whether a checkpoint was written.
   */
  compact(): Promise<boolean> {
    return this.run(async () => {
      const newest = this.checkpoints.at(-1) ?? 0;
      if (this.seq === newest || this.seq === 0) return false;
      const state = await this.foldToHead();
      if (!state) return false;
      const name = checkpointName(this.seq);
      const body = state.encode();
      await this.files.writeAtomic(name, await encodeCheckpoint({ seq: this.seq, hash: this.hash, schema: state.schema, rows: state.rowCount(), createdAt: this.options.now().toISOString() }, body, this.cipher));
      this.checkpoints.push(this.seq);
      await this.rotate();
      await this.prune();
      return true;
    });
  }

  private async foldToHead(): Promise<JournalState | null> {
    const firstKept = this.firstKept();
    const base = await this.usableCheckpoint(0, firstKept);
    let state: JournalState;
    if (base) state = JournalState.fromBody(parseCheckpointBody(base.body));
    else if (firstKept === 1) state = new JournalState();
    else return null;
    for await (const { frame, record } of this.records(this.framesAfter(state.seq))) state.apply(parseJournalRecord(record), frame.seq, frame.hash);
    return state.seq === this.seq ? state : null;
  }

  private async prune(): Promise<void> {
    const keep = this.checkpoints.slice(-this.options.generations);
    for (const seq of this.checkpoints.filter((s) => !keep.includes(s))) await this.files.remove(checkpointName(seq));
    this.checkpoints = keep;
    const oldest = keep[0] ?? 0;
    const gone = this.segments.filter((s) => s !== this.active?.segment && (s.frames.at(-1)?.seq ?? s.firstSeq - 1) <= oldest);
    for (const s of gone) await this.files.remove(s.name);
    this.segments = this.segments.filter((s) => !gone.includes(s));
    this.cached = null;
    await this.collectBlobs(keep);
  }

  /** Removes blobs that no kept checkpoint and no kept record refers to; does nothing if one of them cannot be read. */
  private async collectBlobs(kept: number[]): Promise<void> {
    const referenced = new Set<string>();
    try {
      for (const seq of kept) {
        const { body } = await decodeCheckpoint(await this.files.read(checkpointName(seq)), checkpointName(seq), this.cipher);
        for (const sha of JournalState.fromBody(parseCheckpointBody(body)).blobRefs().keys()) referenced.add(sha);
      }
      for await (const { record } of this.records(this.framesAfter(0))) for (const sha of recordBlobRefs(parseJournalRecord(record)).keys()) referenced.add(sha);
    } catch {
      return;
    }
    for (const name of [...this.knownBlobs]) {
      if (referenced.has(name.replace(/\.sealed$/, ''))) continue;
      await this.files.blobs.remove(name);
      this.knownBlobs.delete(name);
    }
  }

  close(): Promise<void> {
    return this.run(() => {
      this.active?.file.close();
      this.active = null;
      return Promise.resolve();
    });
  }
}
