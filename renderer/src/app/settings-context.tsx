import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/bridge/contract.js';
import { getHost } from '../host/get-host.js';

interface SettingsContextValue {
  settings: Settings;
  /** Applies a change through the host; the host's answer (sanitised) becomes the state. */
  update: (patch: SettingsPatch) => Promise<void>;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const update = useCallback(async (patch: SettingsPatch) => {
    const result = await getHost().settings.set(patch);
    if (!result.ok) throw new Error(result.error.message);
    setSettings(result.value);
  }, []);
  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
