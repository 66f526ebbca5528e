import { describe, expect, it } from 'vitest';
import { feedbackStandIns } from '../../renderer/src/app/feedback-stand-ins.js';

type AntdApis = ReturnType<typeof feedbackStandIns>['api'];

/** A fake of antd's APIs that records what it was asked, in order. */
function fakeAntd(log: string[]): AntdApis {
  return {
    message: { error: (text: string) => (log.push(`message.error ${text}`), 'closed'), success: (text: string) => (log.push(`message.success ${text}`), 'closed') },
    notification: {},
    modal: { confirm: (c: { title: string }) => (log.push(`modal.confirm ${c.title}`), { destroy: () => undefined }) },
  } as unknown as AntdApis;
}

describe('the stand-ins for message, notification and modal before antd is mounted', () => {
  it('asks for the holders on the first call and makes every waiting call, in order, once they are there', async () => {
    let asked = 0;
    const log: string[] = [];
    const standIns = feedbackStandIns(() => asked++);
    const first = standIns.api.message.error('保存失败');
    const second = standIns.api.modal.confirm({ title: '离开本条款？' });
    expect(asked).toBe(2);
    expect(log).toEqual([]);
    standIns.receive(fakeAntd(log));
    expect(log).toEqual(['message.error 保存失败', 'modal.confirm 离开本条款？']);
    await expect(first).resolves.toBe('closed');
    expect(typeof ((await second) as unknown as { destroy?: unknown }).destroy).toBe('function');
  });

  it('goes straight to antd once received, and waits again after a reset', () => {
    let asked = 0;
    const log: string[] = [];
    const standIns = feedbackStandIns(() => asked++);
    standIns.receive(fakeAntd(log));
    expect(standIns.api.message.success('已保存')).toBe('closed');
    expect(log).toEqual(['message.success 已保存']);
    expect(asked).toBe(0);
    standIns.reset();
    void standIns.api.message.success('again');
    expect(log).toHaveLength(1);
    expect(asked).toBe(1);
  });

  it('rejects a waiting call antd has no method for, and still makes the others', async () => {
    const log: string[] = [];
    const standIns = feedbackStandIns(() => undefined);
    const wrong = (standIns.api.message as unknown as Record<string, () => Promise<unknown>>)['nonsense']!();
    const right = standIns.api.message.error('x');
    standIns.receive(fakeAntd(log));
    await expect(wrong).rejects.toThrow(/antd's message has no "nonsense"/);
    await expect(right).resolves.toBe('closed');
    expect(log).toEqual(['message.error x']);
  });
});
