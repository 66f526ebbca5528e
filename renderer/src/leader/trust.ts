import type { TrustStore } from '../../../shared/identity/trust-store.js';
import type { ZqaDatabase } from '../db/database.js';
import { loadTrustStore } from '../packages/trust-from-db.js';

export class NoTrustAnchorError extends Error {
  override name = 'NoTrustAnchorError';
  constructor() {
    super('this device trusts no secretariat yet: import and confirm the secretariat’s identity card first');
  }
}

/**
 * Whom this device believes when importing a countersignature or a report for signing: the
 * secretariat's confirmed card and the rosters of the assignments it signed (G's
 * loadTrustStore). Without an anchor nothing can be imported, and the person is told why.
 */
export async function deviceTrustStore(db: ZqaDatabase): Promise<TrustStore> {
  const store = await loadTrustStore(db);
  if (!store) throw new NoTrustAnchorError();
  return store;
}
