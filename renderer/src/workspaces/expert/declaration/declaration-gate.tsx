import { Alert, Button, Checkbox, Descriptions, Flex, Radio, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import type { ConflictKind } from '../store/records.js';
import { conflictDetailsScreen } from '../../../app/later-screens.js';
import { recordDeclaration } from '../store/declaration-writes.js';
import { signWithDeviceKey } from '../store/declaration-signer.js';
import { GateCard } from './gate-card.js';

/**
 * The conflict-of-interest (Art. 18) and confidentiality (Art. 25) declaration. Nothing of
 * the applicant beyond its name opens before it is signed.
 */
export function DeclarationGate() {
  const { t } = useTranslation();
  const { review, save } = useReview();
  const [confidential, setConfidential] = useState(false);
  const [conflict, setConflict] = useState<boolean | null>(null);
  const [kind, setKind] = useState<ConflictKind | undefined>(undefined);
  const [detail, setDetail] = useState('');
  const [busy, setBusy] = useState(false);
  const a = review.assignment;

  const submit = async () => {
    setBusy(true);
    await save((ctx) =>
      recordDeclaration(ctx, review.id, conflict && kind ? { conflict: true, conflictKind: kind, detail } : { conflict: false }, signWithDeviceKey),
    );
    setBusy(false);
  };
  const conflictReady = conflict === true && kind !== undefined && detail.trim().length > 0;

  return (
    <Flex justify="center" className="zqa-gate">
      <GateCard title={t('declaration.title')} testId="declaration-gate">
        <Flex vertical gap="middle">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'cycle', label: t('review.cycle'), children: a.cycle.name },
              { key: 'applicant', label: t('review.applicant'), children: a.applicant.name },
              { key: 'expert', label: t('review.expert'), children: `${review.expert.name}${t('punct.paren', { text: review.expert.organisation })}` },
            ]}
          />
          <p className="zqa-text-secondary zqa-paragraph">{t('declaration.intro')}</p>
          <h5 className="zqa-title-5">{t('declaration.confidentialityTitle')}</h5>
          <Checkbox checked={confidential} onChange={(e) => setConfidential(e.target.checked)} data-testid="confidentiality">
            {t('declaration.confidentiality')}
          </Checkbox>
          <h5 className="zqa-title-5">{t('declaration.conflictTitle')}</h5>
          <Radio.Group value={conflict} onChange={(e) => setConflict(e.target.value as boolean)}>
            <Flex vertical gap="small">
              <Radio value={false} data-testid="no-conflict">{t('declaration.noConflict')}</Radio>
              <Radio value={true} data-testid="has-conflict">{t('declaration.hasConflict')}</Radio>
            </Flex>
          </Radio.Group>
          {conflict === true && (
            <Flex vertical gap="small" className="zqa-indent">
              <Suspense fallback={<Spin size="small" />}>
                <conflictDetailsScreen.Screen kind={kind} detail={detail} onKind={setKind} onDetail={setDetail} />
              </Suspense>
            </Flex>
          )}
          {!confidential && conflict !== null && <Alert type="info" title={t('declaration.needConfidentiality')} />}
          {conflict === true && !conflictReady && <Alert type="info" title={t('declaration.needKind')} />}
          <Flex justify="end">
            {conflict === true ? (
              <Button danger type="primary" loading={busy} disabled={!confidential || !conflictReady} onClick={() => void submit()} data-testid="declare-conflict">
                {t('declaration.declare')}
              </Button>
            ) : (
              <Button type="primary" loading={busy} disabled={!confidential || conflict !== false} onClick={() => void submit()} data-testid="sign-declaration">
                {t('declaration.sign')}
              </Button>
            )}
          </Flex>
        </Flex>
      </GateCard>
    </Flex>
  );
}
