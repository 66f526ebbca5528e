/** An expert scores an item as a percentage in steps of 5, 0 to 100 (GB/Z 19579). */
const PERCENT_STEP = 5;

export function isValidPercent(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100 && value % PERCENT_STEP === 0;
}

/** All valid percentages, 0 first. */
export const PERCENT_GRID: readonly number[] = Array.from({ length: 100 / PERCENT_STEP + 1 }, (_, i) => i * PERCENT_STEP);
