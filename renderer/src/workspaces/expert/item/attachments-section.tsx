import { Button, Card, Checkbox, Flex, Select, Typography } from 'antd';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import { useSettings } from '../../../app/settings-context.js';
import { useApplySettings } from '../../../ui/layout/use-apply-settings.js';
import { useItemAttachments, useItemNotes } from '../store/use-review-data.js';
import { addAttachment } from '../store/attachment-writes.js';
import { AttachmentThumb } from './attachment-thumb.js';
import { PHOTO_JPEG_QUALITY, PHOTO_LONG_EDGES, photoForStorage } from './photo-import.js';

/**
 * How photos are stored on this device, said and chosen where photos are added: the long edge
 * they are scaled down to, or kept as taken when the expert asks (both device settings, so the
 * choice holds for the next item and the next day).
 */
function PhotoSizeChoice() {
  const { t } = useTranslation();
  const { settings, apply } = useApplySettings();
  const edges: readonly number[] = PHOTO_LONG_EDGES.includes(settings.photoLongEdge as (typeof PHOTO_LONG_EDGES)[number]) ? PHOTO_LONG_EDGES : [...PHOTO_LONG_EDGES, settings.photoLongEdge].sort((a, b) => a - b);
  return (
    <Flex vertical gap="small" className="zqa-hint">
      <Flex gap="small" align="center" wrap>
        <Typography.Text>{t('attachments.sizeLabel')}</Typography.Text>
        <Select
          size="small"
          aria-label={t('attachments.sizeLabel')}
          data-testid="photo-long-edge"
          value={settings.photoLongEdge}
          disabled={settings.keepPhotoOriginals}
          onChange={(photoLongEdge) => void apply({ photoLongEdge })}
          options={edges.map((edge) => ({ value: edge, label: t('attachments.edgeOption', { edge }) }))}
          style={{ minWidth: '9em' }}
        />
        <Checkbox checked={settings.keepPhotoOriginals} onChange={(e) => void apply({ keepPhotoOriginals: e.target.checked })} data-testid="photo-keep-original">
          {t('attachments.keepOriginal')}
        </Checkbox>
      </Flex>
      <Typography.Text type="secondary" data-testid="photo-size-hint">
        {settings.keepPhotoOriginals ? t('attachments.keptHint') : t('attachments.scaledHint', { edge: settings.photoLongEdge, quality: Math.round(PHOTO_JPEG_QUALITY * 100) })}
      </Typography.Text>
    </Flex>
  );
}

/** Photos and documents taken on site, kept as Blobs in the database with their SHA-256; large photos scaled down first (photo-import.ts). */
export const AttachmentsSection = memo(function AttachmentsSection({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const { review, save } = useReview();
  const { settings } = useSettings();
  const attachments = useItemAttachments(review.id, itemId) ?? [];
  const observations = (useItemNotes(review.id, itemId) ?? []).filter((n) => n.kind === 'observation');
  const input = useRef<HTMLInputElement>(null);
  const onFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const stored = await photoForStorage(file, { longEdge: settings.photoLongEdge, keepOriginal: settings.keepPhotoOriginals });
      await save((ctx) => addAttachment(ctx, review.id, itemId, stored));
    }
    if (input.current) input.current.value = '';
  };
  return (
    <Card
      size="small"
      title={`${t('attachments.title')}${t('punct.paren', { text: attachments.length })}`}
      data-testid="attachments"
      extra={
        <Button size="small" onClick={() => input.current?.click()} data-testid="attachment-add">
          {t('attachments.add')}
        </Button>
      }
    >
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,.txt"
        data-testid="attachment-input"
        onChange={(e) => void onFiles(e.target.files)}
      />
      <PhotoSizeChoice />
      {attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('attachments.count', { count: 0 })}</Typography.Text>
      ) : (
        <Flex gap="middle" wrap>
          {attachments.map((a) => (
            <AttachmentThumb key={a.id} attachment={a} observations={observations} />
          ))}
        </Flex>
      )}
    </Card>
  );
});
