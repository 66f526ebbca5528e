import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from './contract.js';

/**
 * Settings as read from wherever a host keeps them (electron-store, localStorage, a backup):
 * every field is checked through its schema on its own, and a value missing, of the wrong type
 * or out of range (an older version's file, a hand edit, a broken write) falls back to its
 * default alone while the other fields keep their stored values. One place for every host, so
 * a field added to the settings is read everywhere.
 */
export function sanitiseSettings(read: (key: keyof Settings) => unknown): Settings {
  const shape = settingsSchema.shape;
  const sanitised: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    const parsed = shape[key].safeParse(read(key));
    sanitised[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  }
  return sanitised as Settings;
}

/**
 * The fields of a stored settings object (a backup's) that are present and valid, as a change
 * the renderer may ask for: never `lastFolder` (the host's own record), and nothing for a field
 * the backup lacks or holds wrongly, so restoring an older backup keeps this device's choice there.
 */
export function validSettingsIn(stored: unknown): SettingsPatch {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const patch: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingsPatchSchema.shape)) {
    const parsed = schema.safeParse(record[key]);
    if (parsed.success && parsed.data !== undefined) patch[key] = parsed.data;
  }
  return patch;
}
