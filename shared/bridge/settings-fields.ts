import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from './contract.js';

/**
 * The settings' fields and their rules as plain checks, so that the settings the host reads at
 * start are checked without zod (the renderer's first screen loads none). contract-schemas.ts
 * builds the settings' zod schema from the same constants; a test holds the two to agreeing.
 */
export const SETTINGS_LANGUAGES = ['zh-CN', 'en'] as const;
/** Base UI font size in px; experts read on small laptops in bright rooms. */
export const FONT_SIZE_MIN = 12;
export const FONT_SIZE_MAX = 28;
/** Longest remembered folder path (Electron host only). */
export const MAX_FOLDER_CHARS = 4096;
/** The long edge photos are scaled down to on import, in px (2048 unless the expert chose otherwise). */
export const PHOTO_EDGE_MIN = 1024;
export const PHOTO_EDGE_MAX = 8192;

const FIELD_IS_VALID: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  language: (v): v is Settings['language'] => SETTINGS_LANGUAGES.some((l) => l === v),
  fontSize: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= FONT_SIZE_MIN && v <= FONT_SIZE_MAX,
  lastFolder: (v): v is string | null => v === null || (typeof v === 'string' && v.length <= MAX_FOLDER_CHARS),
  photoLongEdge: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= PHOTO_EDGE_MIN && v <= PHOTO_EDGE_MAX,
  keepPhotoOriginals: (v): v is boolean => typeof v === 'boolean',
};
const FIELDS = Object.keys(FIELD_IS_VALID) as (keyof Settings)[];

/**
 * Reads every field through its check, for every host (electron-store, localStorage): a value
 * missing, of the wrong type or out of range (a hand-edited or older settings file, a broken
 * write) falls back to its default alone, and the other fields keep their stored values.
 */
export function sanitiseSettings(read: (key: keyof Settings) => unknown): Settings {
  const sanitised: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const value = read(key);
    sanitised[key] = FIELD_IS_VALID[key](value) ? value : DEFAULT_SETTINGS[key];
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
  for (const key of FIELDS) if (key !== 'lastFolder' && FIELD_IS_VALID[key](record[key])) patch[key] = record[key];
  return patch;
}
