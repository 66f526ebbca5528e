import { describe, expect, it } from 'vitest';
import { buildPanelModel, suggestedPercent, type ReceivedSheet } from '../../shared/workflow/consolidate.js';
import { makePanel, scoresheetPackage } from './packages-fixture.js';

describe('the leader’s panel model', () => {
  it('uses each member’s latest revision only, ignores strangers and names who is missing', { timeout: 30_000 }, async () => {
    const panel = await makePanel(5, 3);
    const [leader, second, third] = panel.members;
    const sheet = async (m: typeof leader, seed: number, revision: number): Promise<ReceivedSheet> => ({
      memberKeyId: m!.card.keyId,
      revision,
      receivedAt: `2026-06-0${revision}T00:00:00.000Z`,
      content: (await scoresheetPackage(panel, m!, { seed })).content,
    });
    const older = await sheet(second, 1, 1);
    const newer = await sheet(second, 2, 2);
    const stranger = { ...(await sheet(third, 3, 1)), memberKeyId: 'f'.repeat(32) };
    const model = buildPanelModel(panel.assignment, [newer, older, await sheet(leader, 4, 1), stranger]);
    if (!model.ok) throw new Error(model.error);
    expect(model.value.received.get(second!.card.keyId)?.revision).toBe(2);
    expect(model.value.sheets.map((s) => s.memberId).sort()).toEqual([leader!.card.keyId, second!.card.keyId].sort());
    const firstItem = model.value.matrix.rows[0]!;
    expect(firstItem.cells.find((c) => c.memberId === second!.card.keyId)?.percent).toBe(newer.content.items.find((i) => i.itemId === firstItem.itemId)?.percent);
    expect(model.value.matrix.missingMembers.map((m) => m.memberId)).toEqual(panel.members.slice(2).map((m) => m.card.keyId));
    expect(model.value.leader.memberId).toBe(leader!.card.keyId);
  });

  it('suggests the median on the 5% grid, rounding half up', () => {
    expect(suggestedPercent(undefined)).toBeNull();
    expect(suggestedPercent(575)).toBe(60);
    expect(suggestedPercent(574)).toBe(55);
    expect(suggestedPercent(1000)).toBe(100);
  });
});
