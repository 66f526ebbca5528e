/**
 * Scores are held as integer hundredths of a point. An item of P points scored at p% is
 * worth P × p / 100 points, which is exactly P × p hundredths: no division, no floats, so
 * 500 means 500.00 and 499.95 stays below the line.
 */
export function itemScoreHundredths(points: number, percent: number): number {
  return points * percent;
}

/** "500.00", "-0.05": for display and for JSON meant for people. */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${whole}.${cents.toString().padStart(2, '0')}`;
}

/** The award threshold test (Art. 15: at least 500 points, 500 included). */
export function meetsThreshold(totalHundredths: number, thresholdPoints: number): boolean {
  return totalHundredths >= thresholdPoints * 100;
}
