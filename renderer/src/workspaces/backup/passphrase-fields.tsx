import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** A backup passphrase is typed twice: a typo in a single field would lock the backup for good. */
const MIN_PASSPHRASE = 12;

/** The passphrase and its repetition, for a Form whose fields are `passphrase` and `confirm`. */
export function PassphraseFields({ label, hint, testId }: { label: string; hint: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="passphrase" label={label} extra={hint} rules={[{ required: true, min: MIN_PASSPHRASE, message: t('backup.tooShort') }]}>
        <Input.Password autoComplete="new-password" data-testid={testId} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('backup.passphraseConfirm')}
        dependencies={['passphrase']}
        rules={[({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('backup.mismatch')))) })]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testId}-confirm`} />
      </Form.Item>
    </>
  );
}
