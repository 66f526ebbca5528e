import { Dexie, type ObservabilitySet } from 'dexie';
import { getDatabase } from '../../../db/database.js';
import { pageStorage, storeInPage } from '../../../host/page-storage.js';
import { appTables, isAppTable } from '../../../journal/journal-meta.js';

/**
 * Notices when the database this device used has been emptied behind the app's back.
 *
 * Chromium checks its IndexedDB store when it opens it, and deletes a store it finds
 * corrupted, every database of the page's origin with it ("IndexedDB recovering from a
 * corrupted (and deleted) database" in its log). Measured here: the browser killed during a
 * burst of edits (faults-crash e2e), a few runs in a hundred. The app then starts on an empty
 * database and would seed the demo as on a first start, and the expert would not know why the
 * review is gone. The start rebuilds it from the journal (renderer/src/journal); for the day
 * the journal is gone too (the site's data cleared), each run that writes marks, outside
 * IndexedDB (localStorage is another store), that the database held the app's data; a start
 * that finds the mark but not a row of data says so, and points to the backup.
 */
const MARKER = 'zqa.database.heldData';

/** Whether any of the app's tables but `reviews` (which the demo seeds) has a row. */
async function holdsData(db: Dexie): Promise<boolean> {
  const tables = appTables(db).filter((t) => t.name !== 'reviews');
  const counts = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.count())));
  return counts.some((c) => c > 0);
}

/**
 * From now on, once a commit in `db` leaves it holding more than the demo review, mark that
 * the database holds data, with the time; once per run. (Dexie also reports creating the
 * database as a change of every table, hence the check of what is there.)
 */
export function watchForHeldData(db: Dexie): () => void {
  const prefix = `idb://${db.name}/`;
  let marked = false;
  let checking = false;
  const onMutated = (parts: ObservabilitySet) => {
    if (marked || checking) return;
    const tables = Object.keys(parts).filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]);
    if (!tables.some((t) => t !== undefined && t !== 'reviews' && isAppTable(t))) return;
    checking = true;
    holdsData(db).then(
      (held) => {
        checking = false;
        if (!held || marked) return;
        marked = true;
        storeInPage(MARKER, new Date().toISOString());
      },
      () => (checking = false),
    );
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}

/**
 * When the marker says the database held data and no table but `reviews` has a row: the
 * time of the first write of the last run that wrote. Otherwise null.
 */
export async function detectWipedDatabase(db: Dexie): Promise<{ heldDataAt: string } | null> {
  const heldDataAt = pageStorage()?.getItem(MARKER);
  if (!heldDataAt) return null;
  return (await holdsData(db)) ? null : { heldDataAt };
}

/** The person has seen the notice: forget the marker until this database holds data again. */
export function acknowledgeWipedDatabase(): void {
  pageStorage()?.removeItem(MARKER);
}

/** Whether this device's database was emptied behind the app's back (the shell's notice asks at start). */
export function detectWipe(): Promise<{ heldDataAt: string } | null> {
  return detectWipedDatabase(getDatabase());
}
