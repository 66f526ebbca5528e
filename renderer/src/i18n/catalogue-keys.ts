import type { journalStrings } from '../journal/i18n.js';
import type { packageStrings } from '../packages/i18n.js';
import type { backupStrings } from '../workspaces/backup/i18n.js';
import type { identityStrings } from '../workspaces/identity/i18n.js';
import type { leaderStrings } from '../workspaces/leader/i18n.js';
import type { secretariatStrings } from '../workspaces/secretariat/i18n.js';
import type { zhCN } from './zh-CN.js';

/**
 * Every catalogue the app registers (the shell's, and each workspace's, merged into one
 * namespace), as i18next's type: `t('a.key')` with a key no catalogue has fails the typecheck,
 * and so does a key that names a group rather than a string. Types only: nothing here is
 * bundled, so each workspace's strings still come with its chunk.
 */
type Catalogue = typeof zhCN &
  (typeof journalStrings)['zh-CN'] &
  (typeof packageStrings)['zh-CN'] &
  (typeof backupStrings)['zh-CN'] &
  (typeof identityStrings)['zh-CN'] &
  (typeof leaderStrings)['zh-CN'] &
  (typeof secretariatStrings)['zh-CN'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
