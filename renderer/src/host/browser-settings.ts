import type { HostBridge, Settings } from '../../../shared/bridge/contract.js';
import { sanitiseSettings } from '../../../shared/bridge/settings-fields.js';
import { err, ok } from '../../../shared/util/result.js';
import { bridgeSchemas } from './bridge-schemas.js';

export const SETTINGS_STORAGE_KEY = 'zqa.settings';

/**
 * Settings in localStorage, sanitised on every read: whatever is stored (an older version's
 * keys, a hand edit, a broken write) each field is checked on its own and falls back to its
 * default, so one bad value never takes the others with it.
 */
export function readSanitisedSettings(storage: Pick<Storage, 'getItem'>): Settings {
  let stored: unknown;
  try {
    stored = JSON.parse(storage.getItem(SETTINGS_STORAGE_KEY) ?? '{}');
  } catch {
    stored = {};
  }
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return sanitiseSettings((key) => record[key]);
}

export function createBrowserSettings(storage: Pick<Storage, 'getItem' | 'setItem'>): HostBridge['settings'] {
  return {
    get: () => Promise.resolve(ok(readSanitisedSettings(storage))),
    set: async (patch) => {
      const parsed = (await bridgeSchemas()).settingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return err({ code: 'invalid-argument' as const, message: `settings: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}` });
      }
      const next: Settings = { ...readSanitisedSettings(storage), ...parsed.data };
      try {
        storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(next));
      } catch (e) {
        return err({ code: 'disk-full' as const, message: `settings could not be stored: ${String(e)}` });
      }
      return ok(next);
    },
  };
}
