import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDeadExports } from '../support/dead-exports.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('dead exports', () => {
  it('every value the product code exports is imported somewhere (by the product or a test)', () => {
    const dead = findDeadExports(root, ['renderer/src', 'shared', 'node', 'cli', 'electron'], ['renderer', 'shared', 'node', 'cli', 'electron', 'test', 'bench', 'build', 'lint']);
    expect(dead.map((d) => `${d.file}:${d.line} ${d.name}`)).toEqual([]);
    // Parsing every file of the repository takes a few seconds, more on a busy machine.
  }, 60_000);

  it('finds an export nobody imports, and counts every way of importing one', () => {
    const dead = findDeadExports(path.join(import.meta.dirname, 'dead-exports-fixture'), ['src'], ['src']);
    expect(dead.map((d) => `${d.file} ${d.name}`)).toEqual(['src/lib.ts unused', 'src/lib.ts unusedToo']);
  });
});
