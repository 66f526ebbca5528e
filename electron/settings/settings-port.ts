import type { Settings, SettingsPatch } from '../../shared/bridge/contract.js';
import { settingsPatchSchema, settingsSchema } from '../../shared/bridge/contract-schemas.js';
import { sanitiseSettings } from '../../shared/bridge/settings-fields.js';
import { BridgeFailure } from '../ipc/bridge-failure.js';

/** The part of electron-store / conf the port uses: one value per settings field. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface SettingsPort {
  get(): Settings;
  /** The renderer's change (the bridge's `settings.set`): never `lastFolder`. */
  set(patch: SettingsPatch): Settings;
  /** The host's own record of the folder the person chose in a dialog. */
  rememberFolder(folder: string): void;
}

/** Every read goes through shared/bridge/settings-fields.ts: each bad field falls back to its default alone. */
export function createSettingsPort(store: KeyValueStore): SettingsPort {
  const get = (): Settings => sanitiseSettings((key) => store.get(key));
  return {
    get,
    set(patch) {
      // Validated again here, not only at the IPC boundary: a patch never carries lastFolder.
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new BridgeFailure('invalid-argument', `设置无效 Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      for (const [field, value] of Object.entries(parsed.data)) if (value !== undefined) store.set(field, value);
      return get();
    },
    rememberFolder(folder) {
      const parsed = settingsSchema.shape.lastFolder.safeParse(folder);
      if (parsed.success) store.set('lastFolder', parsed.data);
    },
  };
}
