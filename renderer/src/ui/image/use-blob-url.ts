import { useEffect, useMemo } from 'react';

/** A Blob URL for as long as the component showing it is on screen; revoked after, so memory is given back. */
export function useBlobUrl(blob: Blob): string {
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}
