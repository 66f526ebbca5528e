/**
 * Why the journal refused or could not do something. `invalid-record` and `missing-blob` are
 * the caller's mistakes (nothing was written); `damaged` means a file of the journal did not
 * read back as written (named in the message); `too-large` a record over the limit.
 */
export type JournalErrorCode = 'invalid-record' | 'missing-blob' | 'damaged' | 'too-large' | 'ahead';

export class JournalError extends Error {
  override name = 'JournalError';
  readonly code: JournalErrorCode;
  constructor(code: JournalErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
