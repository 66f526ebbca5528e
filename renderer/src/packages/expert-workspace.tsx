import { ReviewLoader } from '../app/review-loader.js';

/** The expert's workspace: B's review screens as they are. */
export function ExpertWorkspace() {
  return <ReviewLoader />;
}
