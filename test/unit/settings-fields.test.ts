import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/bridge/contract.js';
import { settingsSchema } from '../../shared/bridge/contract-schemas.js';
import { sanitiseSettings } from '../../shared/bridge/settings-fields.js';

// The plain checks the hosts read settings with at start, and the zod schema main checks
// calls with, are two forms of one rule: they must accept exactly the same values.
const CANDIDATES: Record<keyof Settings, unknown[]> = {
  language: ['zh-CN', 'en', 'EN', 'zh', '', null, undefined, 1, ['en']],
  fontSize: [12, 14, 28, 11, 29, 14.5, -14, Number.NaN, Number.POSITIVE_INFINITY, '14', null, undefined],
  lastFolder: [null, '', '/home/expert', 'C:\\评审', 'x'.repeat(4096), 'x'.repeat(4097), 7, undefined, {}],
  photoLongEdge: [1024, 2048, 8192, 1023, 8193, 2048.5, '2048', null, undefined, Number.NaN],
  keepPhotoOriginals: [true, false, 'true', 0, 1, null, undefined],
};

describe('settings fields', () => {
  for (const key of Object.keys(CANDIDATES) as (keyof Settings)[]) {
    it(`accepts the same ${key} values as the settings schema`, () => {
      for (const value of CANDIDATES[key]) {
        const viaSchema = settingsSchema.shape[key].safeParse(value).success;
        const sanitised = sanitiseSettings((k) => (k === key ? value : DEFAULT_SETTINGS[k]));
        expect({ value, kept: Object.is(sanitised[key], value) }).toEqual({ value, kept: viaSchema });
      }
    });
  }
});
