import type { useAppProps } from 'antd/es/app/context';

type Kind = keyof useAppProps;
interface PendingCall {
  kind: Kind;
  method: string;
  args: unknown[];
  settle: (result: unknown) => void;
  fail: (error: unknown) => void;
}

export interface FeedbackStandIns {
  /** What `App.useApp()` returns meanwhile: message, notification and modal whose calls wait. */
  api: useAppProps;
  /** antd's real APIs, once their holders are mounted: waiting calls are made now, in order. */
  receive: (real: useAppProps) => void;
  /** The holders unmounted: calls wait again. */
  reset: () => void;
}

function invoke(real: useAppProps, kind: Kind, method: string, args: unknown[]): unknown {
  const target = real[kind] as unknown as Record<string, (...a: unknown[]) => unknown>;
  const fn = target[method];
  if (typeof fn !== 'function') throw new Error(`antd's ${kind} has no "${method}"`);
  return fn.apply(target, args);
}

/**
 * Stand-ins for antd's message, notification and modal APIs (deferred-feedback.tsx): a call
 * made before antd's holders are mounted asks for them (`requestMount`), waits, and is then
 * made; the promise it returns settles as antd's own return value does (a message's when it
 * closes). Once they are mounted, calls go straight to antd.
 */
export function feedbackStandIns(requestMount: () => void): FeedbackStandIns {
  let real: useAppProps | null = null;
  let pending: PendingCall[] = [];
  const standIn = (kind: Kind): unknown =>
    new Proxy(
      {},
      {
        get: (_, name) =>
          (...args: unknown[]) => {
            const method = String(name);
            if (real) return invoke(real, kind, method, args);
            return new Promise((settle, fail) => {
              pending.push({ kind, method, args, settle, fail });
              requestMount();
            });
          },
      },
    );
  return {
    api: { message: standIn('message'), notification: standIn('notification'), modal: standIn('modal') } as useAppProps,
    receive(api) {
      real = api;
      const calls = pending;
      pending = [];
      for (const call of calls) {
        try {
          call.settle(invoke(api, call.kind, call.method, call.args));
        } catch (e) {
          call.fail(e);
        }
      }
    },
    reset() {
      real = null;
    },
  };
}
