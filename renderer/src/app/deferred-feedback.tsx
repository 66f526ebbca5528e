import { theme } from 'antd';
import AppContext, { type useAppProps } from 'antd/es/app/context';
import { lazy, Suspense, useContext, useEffect, useState, type ReactNode } from 'react';
import { feedbackStandIns } from './feedback-stand-ins.js';

/** After the first screen, the holders are mounted once the page has been idle this long. */
const MOUNT_AFTER_MS = 1500;

const FeedbackHolders = lazy(() => import('./feedback-holders.js'));

let requestMount: (() => void) | null = null;
let asked = false;
const STAND_INS = feedbackStandIns(() => {
  asked = true;
  requestMount?.();
});

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
    const timer = window.setTimeout(() => setMounted(true), asked ? 0 : MOUNT_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      requestMount = null;
      STAND_INS.reset(); // the holders unmount with this provider
    };
  }, []);
  return (
    <AppContext.Provider value={STAND_INS.api}>
      <div className="zqa-app" style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>
        {mounted && (
          <Suspense fallback={null}>
            <FeedbackHolders onReady={STAND_INS.receive} />
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
