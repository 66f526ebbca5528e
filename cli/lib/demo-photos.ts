import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Site photos for `zqa demo`, the tests and the bench: six print-size JPEGs (1024×768, about
 * 78 KB, drawn for the demo) shipped in cli/assets/demo-photos. The n-th photo is one of them
 * with a JPEG comment naming n, so every photo has its own bytes and hash, as real ones do.
 */
const FILES = [1, 2, 3, 4, 5, 6].map((n) => fileURLToPath(new URL(`../assets/demo-photos/site-${n}.jpg`, import.meta.url)));
let bases: Uint8Array[] | undefined;

export const DEMO_PHOTO_CAPTIONS = [
  '一号生产基地装配车间，关键工序作业指导书上墙',
  '质量追溯系统终端，扫码可查零件批次和检验记录',
  '计量室，在用量具均有有效期内的检定标识',
  '顾客投诉台账，近三年投诉均有处理闭环记录',
  '三号基地仓库，物料按先进先出分区存放',
  '员工质量改进小组活动记录和成果展示',
];

export function demoPhoto(n: number): Uint8Array {
  bases ??= FILES.map((f) => new Uint8Array(readFileSync(f)));
  const base = bases[(n - 1) % bases.length]!;
  const note = new TextEncoder().encode(`zqa demo photo ${n}`);
  // SOI, then a COM segment (FF FE, length including itself), then the rest of the file.
  const segment = new Uint8Array(4 + note.length);
  segment.set([0xff, 0xfe, (note.length + 2) >> 8, (note.length + 2) & 0xff]);
  segment.set(note, 4);
  const out = new Uint8Array(base.length + segment.length);
  out.set(base.subarray(0, 2));
  out.set(segment, 2);
  out.set(base.subarray(2), 2 + segment.length);
  return out;
}
