/**
 * Results cross every boundary (bridge, importer, validators) as values, never as thrown
 * strings, so a caller must look at the error code before it can use the value.
 */
export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });
