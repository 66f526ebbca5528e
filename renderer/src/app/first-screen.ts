import { getDatabase } from '../db/database.js';
import { primedKeys, primeRead } from '../db/primed-reads.js';
import { seedDemoIfEmpty } from '../db/seed-demo.js';
import { readOverview } from '../workspaces/expert/store/use-review-data.js';
import { loadDeviceKeys } from '../device/device-keys.js';
import { readWorkspaceStored } from './use-workspace-context.js';
import { chosenWorkspace } from './workspace-choice.js';
import { chosenReview } from '../workspaces/expert/store/review-choice.js';
import { pickReview, readDeclaration, readReviews } from '../workspaces/expert/store/review-reads.js';
import { readPanelAssignment, readScoresheetExports } from '../workspaces/expert/store/use-package-data.js';
import { reviewLayoutScreen, reviewSwitcherScreen } from './later-screens.js';

/**
 * Reads what the expert's first screen shows, at start, while the host answers for settings
 * and keys: the device's keys and workspace context, the reviews, and for the review shown
 * its declaration, overview, assignment and exports, and the code of the review's layout when
 * its declaration is signed. The first render then has all of it
 * (db/primed-reads.ts), and shows the review in one pass.
 *
 * Two rounds of reads in parallel: the reviews (which one is shown depends on them), then
 * everything about that review. Another workspace chosen last time reads only the context.
 */
export async function primeFirstScreen(): Promise<void> {
  const workspace = loadDeviceKeys()
    .catch(() => null)
    .then(async (keys) => {
      const keyId = keys?.keyId ?? null;
      primeRead(primedKeys.workspace(keyId), await readWorkspaceStored(keyId));
    });
  const chosen = chosenWorkspace();
  if (chosen !== null && chosen !== 'review') return workspace;
  let reviews = await readReviews();
  // A device with no review at all (the first start) opens on the demo review: seeding it now
  // lets the first render show its declaration, instead of a spinner, then the seed, then two
  // more renders one read after another.
  if (reviews.length === 0 && (await seedDemoIfEmpty(getDatabase()))) reviews = await readReviews();
  primeRead(primedKeys.reviews(), reviews);
  // Several reviews show the switcher, a chunk of its own: fetched alongside the reads.
  const switcher = reviews.length > 1 ? reviewSwitcherScreen.preload().catch(() => undefined) : undefined;
  const review = pickReview(reviews, chosenReview());
  if (!review) return workspace;
  const id = review.id;
  await Promise.all([
    workspace,
    switcher,
    // A declared review opens on its overview, whose code is a chunk of its own: fetched
    // alongside the reads, so the first render has it too.
    readDeclaration(id).then(async (v) => {
      primeRead(primedKeys.declaration(id), v);
      if (v && !v.conflict) await reviewLayoutScreen.preload().catch(() => undefined);
    }),
    readOverview(id).then((v) => primeRead(primedKeys.overview(id), v)),
    readPanelAssignment(id).then((v) => primeRead(primedKeys.panelAssignment(id), v)),
    readScoresheetExports(id).then((v) => primeRead(primedKeys.scoresheetExports(id), v)),
  ]);
}
