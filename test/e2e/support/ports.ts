/**
 * Every e2e file and bench listens on a fixed port of its own (IndexedDB is per origin, port
 * included, so a test's profiles never meet another's data). `ZQA_PORT_OFFSET` shifts them all,
 * so two checkouts on one machine can run their tests at the same time without sharing a server.
 */
export function testPort(base: number): number {
  const offset = Number(process.env.ZQA_PORT_OFFSET ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || offset > 20_000) throw new Error(`ZQA_PORT_OFFSET must be a whole number from 0 to 20000, not "${process.env.ZQA_PORT_OFFSET}"`);
  return base + offset;
}
