import type { ZqaDatabase } from '../../../db/database.js';
import type { Stamp } from '../../../db/records.js';

/** Who is writing and what time it is: passed in, so tests can fix the clock. */
export interface WriteContext {
  db: ZqaDatabase;
  actor: string;
  now: () => Date;
}

/** A write refused before it touched the database; the message says what to fix. */
export class ReviewWriteError extends Error {
  override name = 'ReviewWriteError';
}

export function stamp(ctx: WriteContext): Stamp {
  return { updatedAt: ctx.now().toISOString(), updatedBy: ctx.actor };
}

export const MAX_NOTE_CHARS = 10_000;
export const MAX_SHORT_CHARS = 500;

export function cleanText(value: string, what: string, max: number, required: boolean): string {
  const text = value.trim();
  if (required && text.length === 0) throw new ReviewWriteError(`${what} is empty`);
  if (text.length > max) throw new ReviewWriteError(`${what} has ${text.length} characters; at most ${max}`);
  return text;
}
