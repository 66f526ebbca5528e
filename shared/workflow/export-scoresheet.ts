import type { AssignmentContent } from '../packages/content/assignment.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import type { Manifest } from '../packages/manifest.js';
import { MemorySink, type ByteSink } from '../packages/stream/byte-io.js';
import { writePackageStream, type StreamWriteOptions } from '../packages/stream/write-package-stream.js';
import { sha256Hex } from '../util/bytes.js';
import { canonicalJsonBytes } from '../util/canonical-json.js';
import { err, ok, type Result } from '../util/result.js';
import { buildScoresheet, type ExpertWork } from './build-scoresheet.js';
import { fileNames } from './file-names.js';
import type { Clock } from './ports/clock.js';
import type { KeyHolder } from './ports/keys.js';
import { fromPackageError, refuse, type WorkflowError } from './workflow-error.js';

/**
 * Export a scoresheet (an expert → the leader, readable by the secretariat): the expert's work
 * as a `scoresheet` package, encrypted to the panel's leader, the secretariat and this device
 * (to reread it), signed by the device, one revision more than the last export.
 *
 * In two steps, so that what can be refused is refused before anyone is asked where to save:
 * `exportScoresheet` checks and builds the content (each photo's size and SHA-256, none of its
 * bytes) and names the file; its `write` then streams the package (format version 3,
 * docs/package-format.md §4) into a sink, each photo read from its source, hashed, sealed and
 * written a chunk at a time. Nothing is recorded here: only a file that was really saved counts
 * as exported, so the caller records it after the save.
 */
export interface ScoresheetExportInput {
  work: ExpertWork;
  assignment: AssignmentContent;
  /** The last export of this review, so this one supersedes it. */
  previous: { packageId: string; revision: number } | null;
}

export interface ScoresheetExportPorts {
  keys: KeyHolder;
  clock: Clock;
  /** This device's key id: it must be on the roster. */
  myKeyId: string;
}

/** What a written package is known by once it is in its sink. */
export interface WrittenScoresheet {
  manifest: Manifest;
  /** SHA-256 of manifest.json: the id the leader's device stores it under. */
  manifestSha256: string;
  /** The file's size. */
  size: number;
}

/** Native hashing and cipher where the host has them (write-package-stream.ts); the portable ones otherwise. */
export type ScoresheetCodecs = Omit<StreamWriteOptions, 'sink'>;

export interface ScoresheetExport {
  content: ScoresheetContent;
  revision: number;
  fileName: string;
  /**
   * Streams the package into `sink`. An error (a photo changed since its hash was stored, a key
   * that would not sign) means what reached the sink must be thrown away: hosts save to a
   * temporary file, in place only when this returns ok.
   */
  write: (sink: ByteSink, codecs?: ScoresheetCodecs) => Promise<Result<WrittenScoresheet, WorkflowError>>;
}

export async function exportScoresheet(input: ScoresheetExportInput, ports: ScoresheetExportPorts): Promise<Result<ScoresheetExport, WorkflowError>> {
  const { assignment } = input;
  const roster = assignment.panel.members;
  const me = roster.find((m) => m.keyId === ports.myKeyId);
  const leader = roster.find((m) => m.role === 'leader');
  if (!me || !leader) return refuse('not-allowed', '本设备不在该评审组名单中', 'this device is not on the panel’s roster');
  const now = ports.clock.now();
  const built = await buildScoresheet(input.work, assignment, me.keyId, now);
  if (!built.ok) return built;
  const { content, files } = built.value;
  const revision = (input.previous?.revision ?? 0) + 1;
  const recipients = [leader, assignment.secretariat, me].filter((r, i, all) => all.findIndex((x) => x.keyId === r.keyId) === i);
  const write = async (sink: ByteSink, codecs: ScoresheetCodecs = {}): Promise<Result<WrittenScoresheet, WorkflowError>> => {
    const written = await writePackageStream(
      {
        type: 'scoresheet',
        content,
        blobs: files,
        subject: { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id },
        revision,
        supersedes: input.previous?.packageId ?? null,
        createdAt: now,
        sender: { name: me.name, keys: ports.keys },
        recipients,
      },
      { ...codecs, sink },
    );
    if (!written.ok) return err(fromPackageError(written.error));
    return ok({ manifest: written.value.manifest, manifestSha256: await sha256Hex(canonicalJsonBytes(written.value.manifest)), size: written.value.bytes });
  };
  return ok({ content, revision, fileName: fileNames.scoresheet(assignment.applicant.name, me.name, revision), write });
}

/** A scoresheet exported and written whole into memory, for small ones (the command line's demo, tests). */
export type ScoresheetInMemory = Omit<ScoresheetExport, 'write'> & { manifestSha256: string; written: { manifest: Manifest; bytes: Uint8Array } };

/** exportScoresheet, its package written into memory: the same step, for where a file of a few megabytes is wanted as bytes. */
export async function exportScoresheetBytes(input: ScoresheetExportInput, ports: ScoresheetExportPorts): Promise<Result<ScoresheetInMemory, WorkflowError>> {
  const prepared = await exportScoresheet(input, ports);
  if (!prepared.ok) return prepared;
  const { write, ...rest } = prepared.value;
  const sink = new MemorySink();
  const written = await write(sink);
  return written.ok ? ok({ ...rest, manifestSha256: written.value.manifestSha256, written: { manifest: written.value.manifest, bytes: sink.bytes() } }) : written;
}
