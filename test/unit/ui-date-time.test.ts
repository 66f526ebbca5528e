import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, localDate, localTime } from '../../renderer/src/ui/common/date-time.js';

// The process runs in UTC; the device under test is in Zhengzhou. Node re-reads TZ when it is set.
const processZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  if (processZone === undefined) delete process.env.TZ;
  else process.env.TZ = processZone;
});

describe('the one clock face', () => {
  it('shows a stored UTC moment in the device zone, one format in both languages', () => {
    expect(formatDateTime('2026-06-01T06:05:09.123Z')).toBe('2026-06-01 14:05');
    // Late in the UTC day is already the next day in Beijing.
    expect(formatDateTime('2026-06-01T17:30:00.000Z')).toBe('2026-06-02 01:30');
    expect(formatDate('2026-06-01T17:30:00.000Z')).toBe('2026-06-02');
  });

  it('reads a moment stored with another offset as the same instant', () => {
    expect(formatDateTime('2026-06-01T14:05:00+08:00')).toBe('2026-06-01 14:05');
    expect(formatDateTime('2026-06-01T02:05:00-04:00')).toBe('2026-06-01 14:05');
  });

  it('leaves calendar dates and texts that are no moment as they are', () => {
    expect(formatDateTime('2026-06-01')).toBe('2026-06-01');
    expect(formatDate('2026-06-01')).toBe('2026-06-01');
    expect(formatDateTime('unbekannt')).toBe('unbekannt');
  });

  it('gives the device’s day and wall-clock time of a moment', () => {
    const moment = new Date('2026-12-31T16:00:05.000Z');
    expect(localDate(moment)).toBe('2027-01-01');
    expect(localTime(moment)).toBe('00:00:05');
  });
});
