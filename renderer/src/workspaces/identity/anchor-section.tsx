import { App, Alert, Button, Card, Descriptions, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityCard } from '../../../../shared/identity/identity-card.js';
import { describePackageError } from '../../../../shared/packages/errors.js';
import { AnchorChangeRefused, typedGroupMatches } from '../../device/anchor-change.js';
import { offerAnchorCard, useOfferedAnchorCard } from '../../device/anchor-offer.js';
import { readSecretariatCard } from '../../../../shared/workflow/enrol-expert.js';
import { keepTrustAnchor, openIdentityCardFile, useTrustAnchor } from './store/identity-store.js';
import { useUiLanguage } from '../../i18n/ui-language.js';
import { formatDateTime } from '../../ui/common/date-time.js';
import { describeFileFault } from '../../ui/common/file-fault.js';

/**
 * The secretariat's card this device trusts, and importing one after checking its fingerprint.
 * On the secretariat's own computer there is nothing to import: it is the anchor, and says so
 * instead of warning that a card is missing.
 */
export function AnchorSection({ isSecretariat }: { isSecretariat: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const anchor = useTrustAnchor();
  const pick = async () => {
    const opened = await openIdentityCardFile();
    if (!opened.ok) return void message.error(describeFileFault(t, opened.error, 'open'));
    if (opened.value) offerAnchorCard({ fileName: opened.value.name, bytes: opened.value.bytes });
  };
  if (isSecretariat && !anchor) {
    return (
      <Card title={t('identity.anchorTitle')} data-testid="anchor-section">
        <Alert type="success" showIcon title={t('identity.anchorSelf')} data-testid="anchor-self" />
      </Card>
    );
  }
  return (
    <Card title={t('identity.anchorTitle')} data-testid="anchor-section">
      {anchor ? (
        <Descriptions
          column={1}
          items={[
            { key: 'who', label: t('identity.anchorWho'), children: t('identity.anchorBy', { name: anchor.card.name, organisation: anchor.card.organisation }) },
            { key: 'fp', label: t('identity.anchorFingerprint'), children: <Typography.Text strong className="zqa-fingerprint" data-testid="anchor-fingerprint">{anchor.card.fingerprint}</Typography.Text> },
            { key: 'at', label: t('identity.confirmedAt'), children: formatDateTime(anchor.confirmedAt) },
          ]}
        />
      ) : (
        <Alert type="warning" showIcon title={t('identity.anchorNone')} data-testid="anchor-none" />
      )}
      <Button style={{ marginTop: '1em' }} onClick={() => void pick()} data-testid="anchor-import">
        {anchor ? t('identity.anchorReplace') : t('identity.anchorImport')}
      </Button>
      <ConfirmAnchorDialog currentFingerprint={anchor?.card.fingerprint ?? null} />
    </Card>
  );
}

/**
 * Shows the offered card's fingerprint to read against the secretariat's, and stores it on
 * confirmation. Replacing a different anchor also asks for the new fingerprint's last group,
 * typed as the secretariat reads it out (saveTrustAnchor checks it again).
 */
function ConfirmAnchorDialog({ currentFingerprint }: { currentFingerprint: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useUiLanguage();
  const offered = useOfferedAnchorCard();
  const [card, setCard] = useState<IdentityCard | null>(null);
  const [typed, setTyped] = useState('');
  const replacing = card !== null && currentFingerprint !== null && currentFingerprint !== card.fingerprint;
  useEffect(() => {
    if (!offered) return;
    let live = true;
    void readSecretariatCard(offered.bytes).then((r) => {
      if (!live) return;
      if (r.ok) return setCard(r.value);
      offerAnchorCard(null);
      void message.error({ content: <span data-testid="anchor-refused">{t('identity.anchorRefused', { error: describePackageError(r.error, language) })}</span>, duration: 8 });
    });
    return () => {
      live = false;
    };
  }, [offered, message, t, language]);
  const close = () => {
    setCard(null);
    setTyped('');
    offerAnchorCard(null);
  };
  const confirm = async () => {
    if (!card || !offered) return;
    try {
      await keepTrustAnchor(card, offered.bytes, { typedLastGroup: replacing ? typed : undefined });
    } catch (error) {
      console.error(error);
      return void message.error(error instanceof AnchorChangeRefused ? t('identity.anchorNeedsLastGroup') : t('faults.otherFailed'));
    }
    close();
    void message.success(t('identity.anchorSaved', { name: card.name }));
  };
  return (
    <Modal
      open={card !== null}
      title={t('identity.anchorConfirmTitle')}
      okText={t('identity.anchorConfirm')}
      cancelText={t('identity.anchorCancel')}
      onOk={() => void confirm()}
      onCancel={close}
      okButtonProps={{ 'data-testid': 'anchor-confirm', disabled: replacing && !typedGroupMatches(card.fingerprint, typed) }}
    >
      {card && (
        <>
          <Typography.Paragraph>{t('identity.anchorConfirmText')}</Typography.Paragraph>
          <Typography.Paragraph strong>{t('identity.anchorBy', { name: card.name, organisation: card.organisation })}</Typography.Paragraph>
          <Typography.Title level={3} className="zqa-fingerprint" data-testid="anchor-offered-fingerprint" style={{ textAlign: 'center' }}>
            {card.fingerprint}
          </Typography.Title>
          {replacing && (
            <>
              <Alert type="warning" showIcon title={t('identity.anchorReplaceWarning')} style={{ marginBottom: '1em' }} data-testid="anchor-replace-warning" />
              <Typography.Paragraph>{t('identity.anchorTypeLastGroup')}</Typography.Paragraph>
              <Input value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={12} inputMode="numeric" autoComplete="off" aria-label={t('identity.anchorTypeLastGroup')} data-testid="anchor-last-group" />
            </>
          )}
        </>
      )}
    </Modal>
  );
}
