import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CustodyRole } from '../../shared/bridge/contract.js';
import { deviceRoleSchema } from '../../shared/bridge/contract-schemas.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { BridgeFailure } from '../ipc/bridge-failure.js';

/** A question main asks the person in its own (native) dialog, which no page can answer. */
export type ConfirmInMain = (question: { title: string; message: string; detail: string; confirm: string }) => Promise<boolean>;

const roleFileSchema = z.strictObject({ role: deviceRoleSchema, since: z.string() });

/**
 * Whether this device is the secretariat's, as main records it under `userData` beside the
 * key file. The renderer's device profile says the same thing, but the renderer cannot be the
 * one to decide what main lets out: becoming the secretariat (which allows the key backup) is
 * confirmed by the person in main's own dialog. Going back to expert needs no confirmation.
 * A missing or damaged file means expert, the role with the fewer powers.
 */
export function createCustodyRole(deps: { filePath: string; confirm: ConfirmInMain; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  async function get(): Promise<CustodyRole> {
    try {
      const parsed = roleFileSchema.safeParse(JSON.parse(await fs.readFile(deps.filePath, 'utf8')));
      return parsed.success ? parsed.data.role : 'expert';
    } catch {
      return 'expert';
    }
  }
  async function set(role: CustodyRole): Promise<CustodyRole> {
    if ((await get()) === role) return role;
    if (role === 'secretariat') {
      const confirmed = await deps.confirm({
        title: '秘书处设备',
        message: '将本机设为秘书处设备？',
        detail:
          '秘书处设备可以导出和恢复本机私钥的口令加密备份。只有评委会秘书处使用的电脑才应这样设置。\n' +
          'Make this the secretariat’s device? It may then export and restore a passphrase-sealed backup of its private keys.',
        confirm: '设为秘书处设备',
      });
      if (!confirmed) throw new BridgeFailure('cancelled', '未设为秘书处设备。The device was not made the secretariat’s.');
    }
    await fs.mkdir(path.dirname(deps.filePath), { recursive: true });
    await writeFileAtomic(deps.filePath, new TextEncoder().encode(`${JSON.stringify({ role, since: now().toISOString() })}\n`), { mode: 0o600 });
    return role;
  }
  return { get, set };
}
export type CustodyRoleStore = ReturnType<typeof createCustodyRole>;

/** Refuses unless main has this device recorded as the secretariat's. */
export async function assertSecretariatDevice(role: CustodyRoleStore, what: string): Promise<void> {
  if ((await role.get()) !== 'secretariat') {
    throw new BridgeFailure('not-permitted', `只有秘书处设备可以${what}（在“本机身份”中将身份设为秘书处并确认）。Only the secretariat’s device may do this.`);
  }
}
