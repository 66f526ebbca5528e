/**
 * File names that carry a record number, padded so the folder lists them in order: the
 * journal's segments (`journal-000000000001.zqj`, by their first record) and checkpoints
 * (`checkpoint-000000000042.zqc`, by the last record they fold in).
 */
export function seqFileNames(prefix: string, extension: string): { nameOf: (seq: number) => string; seqOf: (name: string) => number | null } {
  const pattern = new RegExp(`^${prefix}-(\\d{12})\\.${extension}$`);
  return {
    nameOf: (seq) => `${prefix}-${String(seq).padStart(12, '0')}.${extension}`,
    seqOf: (name) => {
      const m = pattern.exec(name);
      return m ? Number(m[1]) : null;
    },
  };
}
