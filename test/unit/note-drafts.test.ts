import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropNoteDraft, isLeftoverOf, keepNoteDraft, loadNoteDraft } from '../../renderer/src/workspaces/expert/store/note-drafts.js';

const stored = new Map<string, string>();
let full = false;
const localStorage = {
  getItem: (k: string) => stored.get(k) ?? null,
  setItem: (k: string, v: string) => {
    if (full) throw new DOMException('quota', 'QuotaExceededError');
    stored.set(k, v);
  },
  removeItem: (k: string) => void stored.delete(k),
};
beforeEach(() => {
  stored.clear();
  full = false;
  (globalThis as { window?: unknown }).window = { localStorage };
});
afterEach(() => delete (globalThis as { window?: unknown }).window);

describe('note drafts', () => {
  it('keeps what is typed exactly, per review, item and kind, and drops it once added or emptied', () => {
    keepNoteDraft('r1', '4.1.2', 'ofi', { text: '  战略目标未分解 ', evidence: null });
    keepNoteDraft('r1', '4.1.2', 'observation', { text: '', evidence: { document: '纪要', intervieweeRole: '', place: '' } });
    expect(loadNoteDraft('r1', '4.1.2', 'ofi')).toEqual({ text: '  战略目标未分解 ', evidence: null });
    expect(loadNoteDraft('r1', '4.1.2', 'observation')).toEqual({ text: '', evidence: { document: '纪要', intervieweeRole: '', place: '' } });
    expect(loadNoteDraft('r1', '4.1.3', 'ofi')).toBeNull();
    expect(loadNoteDraft('r2', '4.1.2', 'ofi')).toBeNull();
    dropNoteDraft('r1', '4.1.2', 'ofi');
    expect(loadNoteDraft('r1', '4.1.2', 'ofi')).toBeNull();
    keepNoteDraft('r1', '4.1.2', 'observation', { text: '', evidence: { document: '', intervieweeRole: '', place: '' } });
    expect(stored.size).toBe(0);
  });

  it('reads what is not a draft as none, and a full storage as nothing kept, without throwing', () => {
    stored.set('zqa.noteDraft.r1.4.1.2.ofi', '{not json');
    stored.set('zqa.noteDraft.r1.4.1.2.strength', JSON.stringify({ text: 5 }));
    stored.set('zqa.noteDraft.r1.4.1.2.observation', JSON.stringify({ text: 'x', evidence: { document: 1 } }));
    expect(loadNoteDraft('r1', '4.1.2', 'ofi')).toBeNull();
    expect(loadNoteDraft('r1', '4.1.2', 'strength')).toBeNull();
    expect(loadNoteDraft('r1', '4.1.2', 'observation')).toEqual({ text: 'x', evidence: null });
    full = true;
    expect(() => keepNoteDraft('r1', '4.2.2', 'ofi', { text: '写不进去', evidence: null })).not.toThrow();
    expect(loadNoteDraft('r1', '4.2.2', 'ofi')).toBeNull();
  });

  it('knows a draft that is a note already added (its removal lost with a killed browser) from a new one', () => {
    const place = { document: '', intervieweeRole: '', place: '总装车间' };
    const added = [
      { text: '战略部署的监测指标缺少目标值', evidence: null },
      { text: '抽查记录齐全', evidence: place },
    ];
    expect(isLeftoverOf({ text: '战略部署的监测指标缺少目标值', evidence: null }, added)).toBe(true);
    expect(isLeftoverOf({ text: '抽查记录齐全', evidence: { ...place } }, added)).toBe(true);
    expect(isLeftoverOf({ text: '战略部署的监测指标缺少目标', evidence: null }, added)).toBe(false);
    expect(isLeftoverOf({ text: '抽查记录齐全', evidence: { ...place, place: '仓库' } }, added)).toBe(false);
    expect(isLeftoverOf({ text: '', evidence: null }, [{ text: '', evidence: null }])).toBe(false);
    expect(isLeftoverOf({ text: '战略部署的监测指标缺少目标值', evidence: null }, [])).toBe(false);
  });
});
