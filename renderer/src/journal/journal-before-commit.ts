import { encodeJournalRecord } from '../../../shared/journal/journal-record.js';
import { chainHashOfAppend, GENESIS_HASH } from '../../../shared/journal/segment-format.js';
import type { AppendOutcome, BridgeResult } from '../../../shared/bridge/contract.js';
import type { TransactionCapture } from './capture-middleware.js';
import { holdOpen } from './hold-open.js';
import { JOURNAL_META_TABLE, POSITION_KEY, type JournalPosition } from './journal-meta.js';
import type { JournalLink } from './journal-link.js';
import { JournalWriteError, journalFailedMessage, staleJournalMessage } from './journal-write-error.js';
import { bytesOf, hashBinaries } from './record-encoding.js';

/**
 * The step between the app's last request in a read-write transaction and its commit: the
 * transaction's record is appended to the journal (flushed to disk by the host) while the
 * transaction is held open and writes the new position, then the transaction commits.
 * So a transaction is either in the journal and the database, or in neither, or (a crash
 * between the two) in the journal only, which the next start puts into the database. The
 * screen shows an edit, and says 已保存, only after the commit.
 *
 * Any failure aborts the transaction: nothing of it is kept, and the write rejects with a
 * message that says what happened.
 */
export async function journalBeforeCommit(capture: TransactionCapture, link: JournalLink): Promise<void> {
  if (capture.state !== 'open') return;
  capture.state = 'journaling';
  if (capture.ops.length === 0) {
    capture.state = 'done';
    return;
  }
  let held: ReturnType<typeof holdOpen> | undefined;
  try {
    held = holdOpen(capture.transaction);
    if (link.blocked) throw new JournalWriteError(link.blocked);
    const ops = [...capture.ops].sort((a, b) => a.order - b.order);
    const binaries = ops.flatMap((o) => o.binaries);
    const blobs = await hashBinaries(binaries, link.knownBlobs);
    const position = await capture.position;
    const expected = { expectedSeq: position?.seq ?? 0, expectedHash: position?.hash ?? GENESIS_HASH };
    const record = encodeJournalRecord({ v: 1, schema: link.schemaVersion(), at: link.now().toISOString(), reset: false, ops: ops.map((o) => o.op) });
    const sent = performance.now();
    // Sent first, so the host's write and flush start at once; the page meanwhile computes the
    // chain as the host does and writes the new position, which commits only with the
    // transaction, after the answer (one round trip less on every save, and nothing waits on
    // a hash). A copy of the bytes each time: the browser host moves what it is given.
    const appended = link.journal.append({ ...expected, record: record.slice(), blobs });
    const next: JournalPosition = { id: POSITION_KEY, seq: expected.expectedSeq + 1, hash: await chainHashOfAppend(expected.expectedHash, expected.expectedSeq + 1, record) };
    const positioned = held.issue((tx) => tx.objectStore(JOURNAL_META_TABLE).put(next));
    positioned.catch(() => undefined); // awaited below; an abort before then rejects it
    let answer: BridgeResult<AppendOutcome> = await appended;
    if (answer.ok && answer.value.status === 'missing-blobs') {
      // The host let go of blobs this page thought it had: send their bytes, once.
      const missing = new Set(answer.value.sha256s);
      for (const sha256 of missing) link.knownBlobs.delete(sha256);
      const resend = new Map<string, Uint8Array<ArrayBuffer>>();
      for (const b of binaries) {
        const sha256 = b.tag['sha256'] as string;
        if (missing.has(sha256) && !resend.has(sha256)) resend.set(sha256, await bytesOf(b.binary));
      }
      answer = await link.journal.append({ ...expected, record: record.slice(), blobs: [...resend].map(([sha256, bytes]) => ({ sha256, bytes })) });
    }
    // User Timing: the benchmark splits a save's commit with these (docs/benchmarks.md): the
    // journal's share (the messages to the host and back, its write and flush), then the
    // index's (the answer → the transaction's complete event).
    const answered = performance.now();
    performance.measure('zqa:journal-append', { start: sent, end: answered });
    capture.transaction.addEventListener('complete', () => performance.measure('zqa:index-commit', { start: answered, end: performance.now() }), { once: true });
    if (!answer.ok) throw new JournalWriteError(journalFailedMessage(answer.error.message));
    const outcome = answer.value;
    if (outcome.status === 'stale') {
      link.blocked = staleJournalMessage();
      throw new JournalWriteError(link.blocked);
    }
    if (outcome.status !== 'appended') throw new JournalWriteError(journalFailedMessage(`blobs missing: ${outcome.sha256s.join(', ')}`));
    if (outcome.seq !== next.seq || outcome.hash !== next.hash) throw new JournalWriteError(journalFailedMessage(`the journal put the record at ${outcome.seq} with another chain hash`));
    await positioned;
    for (const b of binaries) link.knownBlobs.add(b.tag['sha256'] as string);
    held.release();
    capture.state = 'done';
  } catch (e) {
    capture.state = 'failed';
    held?.release();
    try {
      capture.transaction.abort();
    } catch {
      // Already ended: its own error is what the caller sees.
    }
    const error = e instanceof Error ? e : new Error(String(e));
    link.lastFailure = { error, at: Date.now() };
    throw error;
  }
}
