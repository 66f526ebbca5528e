import { theme } from 'antd';
import AppContext, { type useAppProps } from 'antd/es/app/context';
import { lazy, Suspense, useContext, useEffect, useState, type ReactNode } from 'react';

/** After the first screen, the holders are mounted once the page has been idle this long. */
const MOUNT_AFTER_MS = 1500;

type Kind = keyof useAppProps;
interface PendingCall {
  kind: Kind;
  method: string;
  args: unknown[];
  settle(result: unknown): void;
  fail(error: unknown): void;
}

const FeedbackHolders = lazy(() => import('./feedback-holders.js'));

let real: useAppProps | null = null;
let pending: PendingCall[] = [];
let requestMount: (() => void) | null = null;

function invoke(api: useAppProps, call: Pick<PendingCall, 'kind' | 'method' | 'args'>): unknown {
  const target = api[call.kind] as unknown as Record<string, (...a: unknown[]) => unknown>;
  const method = target[call.method];
  if (typeof method !== 'function') throw new Error(`antd ${call.kind} has no "${call.method}"`);
  return method.apply(target, call.args);
}

function receive(api: useAppProps): void {
  real = api;
  const calls = pending;
  pending = [];
  for (const call of calls) {
    try {
      call.settle(invoke(api, call));
    } catch (e) {
      call.fail(e);
    }
  }
}

/**
 * Stand-ins for `App.useApp()`'s message, notification and modal: a call made before antd's
 * holders are mounted waits for them (a moment: the chunk is local) and is then made; the
 * promise it returns settles as antd's own return value does (when the message closes).
 */
function standIn(kind: Kind): unknown {
  return new Proxy(
    {},
    {
      get: (_, method) =>
        (...args: unknown[]) => {
          if (real) return invoke(real, { kind, method: String(method), args });
          return new Promise((settle, fail) => {
            pending.push({ kind, method: String(method), args, settle, fail });
            requestMount?.();
          });
        },
    },
  );
}

const STAND_INS = { message: standIn('message'), notification: standIn('notification'), modal: standIn('modal') } as useAppProps;

/**
 * What antd's `<App>` gives the app (the `App.useApp()` context and the text styles of its
 * root), with message, notification and modal loaded after the first screen rather than
 * before it: the first screen shows none of them. Screens keep calling `App.useApp()`.
 */
export function DeferredFeedback({ children }: { children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  const { token } = theme.useToken();
  useEffect(() => {
    requestMount = () => setMounted(true);
    // A call made before this effect ran is waiting already: mount at once.
    const timer = window.setTimeout(() => setMounted(true), pending.length > 0 ? 0 : MOUNT_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      requestMount = null;
      real = null; // the holders unmount with this provider
    };
  }, []);
  return (
    <AppContext.Provider value={STAND_INS}>
      <div className="zqa-app" style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>
        {mounted && (
          <Suspense fallback={null}>
            <FeedbackHolders onReady={receive} />
          </Suspense>
        )}
        {children}
      </div>
    </AppContext.Provider>
  );
}

/**
 * `App.useApp()` without importing antd's `App` (which brings message, notification and modal
 * along): what the first screen's code uses. Later screens may use either.
 */
export const useFeedback = (): useAppProps => useContext(AppContext);
