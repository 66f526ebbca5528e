import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/deferred-feedback.js';
import { useSettings } from '../../app/settings-context.js';

/**
 * The device's settings and a change to them as every control makes it: a setting the host
 * could not store stays as it was, the person is told, and the host's own text is logged.
 */
export function useApplySettings() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const { message } = useFeedback();
  const apply = (patch: Parameters<typeof update>[0]) =>
    update(patch).catch((e: unknown) => {
      console.error(e);
      void message.error(t('settings.notSaved'));
    });
  return { settings, apply };
}
