import { getHost } from '../host/get-host.js';

// The journal's head is the start's longest wait before anything can be read: the host
// starts the journal (the browser host its worker, whose script is fetched and run) and
// opens and checks it. Asked here, while the rest of the first screen's code is still being
// evaluated, that work runs meanwhile; the start's recovery asks again (index-recovery.ts)
// and is answered by a journal already open. A head only reads, so asking twice changes
// nothing, and nothing reads the database before the recovery has put it level.
// Imported second by main.tsx, after zod's setting.
void getHost()
  .journal.head()
  .catch(() => undefined);
