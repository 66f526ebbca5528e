import { Dexie, type ObservabilitySet } from 'dexie';
import { pageStorage, storeInPage } from '../host/page-storage.js';

/**
 * Notices when the database this device used has been emptied behind the app's back.
 *
 * Chromium checks its IndexedDB store when it opens it, and deletes a store it finds
 * corrupted, every database of the page's origin with it ("IndexedDB recovering from a
 * corrupted (and deleted) database" in its log). Measured here: the browser killed during a
 * burst of edits (faults-crash e2e), a few runs in a hundred. The app then starts on an empty
 * database and would seed the demo as on a first start, and the expert would not know why the
 * review is gone. So each run that writes marks, outside IndexedDB (localStorage is another
 * store), that the database held the app's data; a start that finds the mark but not a row
 * of data says so, and points to the backup.
 */
const MARKER = 'zqa.database.heldData';

/** Whether any table but `reviews` (which the demo seeds) has a row. */
export async function holdsData(db: Dexie): Promise<boolean> {
  const tables = db.tables.filter((t) => t.name !== 'reviews');
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
    if (!tables.some((t) => t !== 'reviews')) return;
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

/** The database holds data again (restored): marked now, whatever this run's watcher has seen. */
export function markHeldData(now = new Date()): void {
  storeInPage(MARKER, now.toISOString());
}

/** The person has seen the notice: forget the marker until this database holds data again. */
export function acknowledgeWipedDatabase(): void {
  pageStorage()?.removeItem(MARKER);
}
