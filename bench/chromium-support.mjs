// What the Chromium benchmarks share: Debian's Chromium and the flags that keep it off the
// network on these machines, and the percentile every timing figure uses.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The nearest-rank percentile p (0–100) of a list of figures. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A bench's fixed port, shifted by ZQA_PORT_OFFSET like the e2e tests' (test/e2e/support/ports.ts). */
export function benchPort(base) {
  const offset = Number(process.env.ZQA_PORT_OFFSET ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || offset > 20_000) throw new Error(`ZQA_PORT_OFFSET must be a whole number from 0 to 20000`);
  return base + offset;
}
