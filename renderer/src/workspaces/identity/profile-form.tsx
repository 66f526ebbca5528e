import { App, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceKeys } from '../../device/device-keys.js';
import { ProfileError } from './store/profile-writes.js';
import { keepDeviceProfile, recordDeviceRole, type DeviceProfileRecord, type DeviceRole } from './store/identity-store.js';
import { describeFileFault } from '../../ui/common/file-fault.js';

interface Values {
  name: string;
  organisation: string;
  role: DeviceRole;
}

/** Name, organisation and role of the person who uses this device. */
export function ProfileForm({ profile, keys }: { profile: DeviceProfileRecord | null; keys: DeviceKeys }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onFinish = async (values: Values) => {
    // The host keeps its own record of the role (it allows the secretariat's key backup) and
    // asks the person to confirm becoming the secretariat; refused or cancelled, nothing is saved.
    const recorded = await recordDeviceRole(values.role);
    if (!recorded.ok) return recorded.error.code === 'cancelled' ? undefined : void message.error(describeFileFault(t, recorded.error, 'other'));
    keepDeviceProfile(values, keys).then(
      () => void message.success(t('identity.saved')),
      (e: unknown) => {
        console.error(e);
        void message.error(e instanceof ProfileError ? t('identity.profileInvalid') : t('faults.otherFailed'));
      },
    );
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: '32em' }}
      initialValues={{ name: profile?.name ?? '', organisation: profile?.organisation ?? '', role: profile?.role ?? 'expert' }}
      onFinish={(values) => void onFinish(values)}
    >
      <Form.Item name="name" label={t('identity.name')} rules={[{ required: true, whitespace: true, message: t('identity.needName') }]}>
        <Input data-testid="profile-name" maxLength={100} />
      </Form.Item>
      <Form.Item name="organisation" label={t('identity.organisation')}>
        <Input data-testid="profile-organisation" maxLength={200} />
      </Form.Item>
      <Form.Item name="role" label={t('identity.role')} extra={t('identity.roleHint')}>
        <Radio.Group
          options={[
            { value: 'expert', label: t('identity.roleExpert') },
            { value: 'secretariat', label: t('identity.roleSecretariat') },
          ]}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="profile-save">
        {t('identity.save')}
      </Button>
    </Form>
  );
}
