import { Card, Flex, Image, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBlobUrl } from '../../ui/image/use-blob-url.js';
import { useLeader } from './leader-context.js';
import { useMemberEvidence, type MemberPhoto } from './store/member-evidence.js';

/** A member's photo, small, with its caption; a click opens it full size (antd's preview). */
function PhotoThumb({ photo }: { photo: MemberPhoto }) {
  const url = useBlobUrl(photo.blob);
  return (
    <Flex vertical gap={2} style={{ width: 128 }} data-testid="member-photo" data-caption={photo.caption}>
      <Image src={url} alt={photo.caption || photo.fileName} width={128} height={96} style={{ objectFit: 'cover' }} />
      <Typography.Text type="secondary" className="zqa-hint" ellipsis={{ tooltip: photo.caption || photo.fileName }}>
        {photo.caption || photo.fileName}
      </Typography.Text>
    </Flex>
  );
}

/** Beside the members' scores: what each saw on site for this item, with the photos that support it. */
export function MemberEvidencePanel({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const { reviewId } = useLeader();
  const evidence = useMemberEvidence(reviewId, itemId);
  if (evidence === undefined) return null;
  // Most items have no photo: one quiet line, not an empty card on every item.
  if (evidence.length === 0) {
    return (
      <Typography.Paragraph type="secondary" className="zqa-hint" data-testid="member-evidence-none">
        {t('memberEvidence.none')}
      </Typography.Paragraph>
    );
  }
  return (
    <Card size="small" type="inner" title={t('memberEvidence.title')} style={{ marginBottom: '1em' }} data-testid="member-evidence">
      {evidence.map((m) => (
        <div key={m.memberKeyId} data-testid="member-evidence-member" style={{ marginBottom: '0.75em' }}>
          <Typography.Text strong>{m.memberName}</Typography.Text>
          {m.observations.map((o) => (
            <div key={o.id} data-testid="member-observation" style={{ margin: '0.25em 0 0.5em 1em' }}>
              <div>{o.text}</div>
              {o.evidence && <div className="zqa-hint">{t('memberEvidence.where', { where: o.evidence })}</div>}
              {o.photos.length > 0 && (
                <Flex gap="small" wrap style={{ marginTop: '0.25em' }}>
                  {o.photos.map((p) => (
                    <PhotoThumb key={p.id} photo={p} />
                  ))}
                </Flex>
              )}
            </div>
          ))}
          {m.itemPhotos.length > 0 && (
            <div style={{ margin: '0.25em 0 0.5em 1em' }} data-testid="member-item-photos">
              <div className="zqa-hint">{t('memberEvidence.itemPhotos')}</div>
              <Flex gap="small" wrap>
                {m.itemPhotos.map((p) => (
                  <PhotoThumb key={p.id} photo={p} />
                ))}
              </Flex>
            </div>
          )}
        </div>
      ))}
    </Card>
  );
}
