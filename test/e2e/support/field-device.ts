import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { issueDemoAssignment } from '../../../cli/lib/demo-content.js';
import type { IssuedAssignment } from '../../../shared/workflow/issue-assignment.js';
import { createParticipant, writeCardPackage, type Participant } from '../../../cli/lib/demo-participant.js';
import { seededRandom } from '../../../cli/lib/seeded-random.js';
import { deviceCard, openFileWith, openWorkspace, setUpDevice, writeTemp } from './leader-panel.js';

export interface LeaderDevice {
  issued: IssuedAssignment;
  /** The four other members, on devices simulated with the shared code. */
  others: Participant[];
  assignmentFile: string;
}

/**
 * A browser device set up as a person does it (identity, the secretariat's card confirmed)
 * that then imports a real assignment naming it leader of a five-member panel; the
 * secretariat and the other members are simulated in Node with the shared code.
 */
export async function leaderDeviceWithAssignment(page: Page, work: string, issuedAt = new Date()): Promise<LeaderDevice> {
  const secretariat = await createParticipant({ name: '张敏', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat' });
  const cardPkg = await writeCardPackage(secretariat, issuedAt);
  if (!cardPkg.ok) throw new Error(cardPkg.error.en);
  await setUpDevice(page, '李建国', '郑州大学', await writeTemp(work, 'secretariat-card.zqa', cardPkg.value.bytes));
  const leaderCard = await deviceCard(page, '李建国', '郑州大学');
  const others = await Promise.all(['王丽华', '张志强', '刘秀英', '陈明'].map((name) => createParticipant({ name, organisation: '河南省质量协会', role: 'expert' })));
  const issued = await issueDemoAssignment({ random: seededRandom(5), secretariat: secretariat.card, secretariatKeys: secretariat.keys, members: [leaderCard, ...others.map((o) => o.card)], issuedAt });
  const assignmentFile = await writeTemp(work, 'assignment.zqa', issued.written.bytes);
  await openWorkspace(page, 'review');
  await openFileWith(page, () => page.getByTestId('import-assignment').click(), assignmentFile);
  await expect.poll(() => page.getByTestId('import-outcome').first().getAttribute('data-outcome')).toBe('assignment');
  return { issued, others, assignmentFile };
}
