import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase, type ZqaDatabase } from '../../../db/database.js';
import { pick, type Bilingual, type Language } from './messages.js';
import { loadSecretariatSelf, type SecretariatSelf } from './secretariat-identity.js';

let selfLoading: Promise<SecretariatSelf> | undefined;

/** The secretariat's device identity, loaded once per run (keys never change on a device). */
export function useSecretariatSelf(): SecretariatSelf | { error: string } | undefined {
  const [state, setState] = useState<SecretariatSelf | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
    selfLoading ??= loadSecretariatSelf(getDatabase());
    selfLoading.then(
      (s) => live && setState(s),
      (e: unknown) => {
        selfLoading = undefined;
        if (live) setState({ error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The database and the UI language's pick of a domain message. */
export function useSec(): { db: ZqaDatabase; language: Language; text: (m: Bilingual) => string } {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return { db: getDatabase(), language, text: (m) => pick(m, language) };
}
