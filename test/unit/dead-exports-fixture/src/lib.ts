// A module whose exports the test fixture's other files use in each way but two.
export const named = 1;
export function renamed(): number {
  return 2;
}
export const reexported = 3;
export default function fallback(): number {
  return 4;
}
export const unused = 5;
export function unusedToo(): number {
  return 6;
}
export type OnlyAType = { a: number };
