import { DEFAULT_SETTINGS, type Settings } from './contract.js';

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

const FIELD_IS_VALID: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  language: (v): v is Settings['language'] => SETTINGS_LANGUAGES.some((l) => l === v),
  fontSize: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= FONT_SIZE_MIN && v <= FONT_SIZE_MAX,
  lastFolder: (v): v is string | null => v === null || (typeof v === 'string' && v.length <= MAX_FOLDER_CHARS),
};

/**
 * Reads every field through its check: a value missing, of the wrong type or out of range
 * (a hand-edited or older settings file, a broken write) falls back to its default alone, and
 * the other fields keep their stored values.
 */
export function sanitiseSettings(read: (key: keyof Settings) => unknown): Settings {
  const pick = <K extends keyof Settings>(key: K): Settings[K] => {
    const value = read(key);
    return FIELD_IS_VALID[key](value) ? value : DEFAULT_SETTINGS[key];
  };
  return { language: pick('language'), fontSize: pick('fontSize'), lastFolder: pick('lastFolder') };
}
