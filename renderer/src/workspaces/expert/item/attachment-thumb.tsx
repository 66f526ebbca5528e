import { FileOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Popconfirm, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import type { AttachmentRecord, NoteRecord } from '../store/records.js';
import { deleteAttachment, setAttachmentCaption, setAttachmentObservation } from '../store/attachment-writes.js';
import { AutosaveTextArea } from '../../../ui/common/autosave-text-area.js';
import { useAutosaveText } from '../../../ui/common/use-autosave-text.js';
import { useBlobUrl } from '../../../ui/image/use-blob-url.js';

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The first words of an observation, to name it in the photo's link. */
const shortText = (text: string) => (text.length > 18 ? `${text.slice(0, 18)}…` : text);

export function AttachmentThumb({ attachment, observations }: { attachment: AttachmentRecord; observations: readonly NoteRecord[] }) {
  const { t } = useTranslation();
  const { save, ctx } = useReview();
  const url = useBlobUrl(attachment.blob);
  const isImage = attachment.type.startsWith('image/');
  const caption = useAutosaveText(attachment.caption ?? '', (text) => setAttachmentCaption(ctx, attachment.id, text));
  return (
    <Flex vertical gap={4} style={{ width: 160 }} className="zqa-attachment" data-testid="attachment" data-name={attachment.name} data-sha256={attachment.sha256}>
      {isImage ? (
        <Image src={url} alt={attachment.name} width={120} height={90} style={{ objectFit: 'cover' }} data-testid="attachment-thumb" />
      ) : (
        <a href={url} download={attachment.name} className="zqa-attachment-file">
          <FileOutlined style={{ fontSize: 32 }} />
        </a>
      )}
      <Typography.Text ellipsis style={{ maxWidth: 120 }} title={attachment.name}>
        {attachment.name}
      </Typography.Text>
      {isImage && (
        <AutosaveTextArea field={caption} label={t('attachments.caption')} placeholder={t('attachments.captionPlaceholder')} rows={[2, 4]} style={{ width: 160 }} testId="attachment-caption" />
      )}
      {isImage && (
        <Select
          size="small"
          style={{ width: '100%' }}
          aria-label={t('attachments.supports')}
          value={observations.some((o) => o.id === attachment.observationId) ? attachment.observationId : ''}
          onChange={(v: string) => void save((c) => setAttachmentObservation(c, attachment.id, v === '' ? null : v))}
          options={[{ value: '', label: t('attachments.supportsItem') }, ...observations.map((o) => ({ value: o.id, label: t('attachments.supportsObservation', { text: shortText(o.text) }) }))]}
          data-testid="attachment-link"
        />
      )}
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" className="zqa-hint">{formatSize(attachment.size)}</Typography.Text>
        <Popconfirm title={t('attachments.confirmDelete')} onConfirm={() => void save((c) => deleteAttachment(c, attachment.id))}>
          <Button size="small" type="link" danger>
            {t('attachments.delete')}
          </Button>
        </Popconfirm>
      </Flex>
    </Flex>
  );
}
