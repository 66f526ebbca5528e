import { Button, Card, Flex, Typography } from 'antd';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import { useItemAttachments, useItemNotes } from '../store/use-review-data.js';
import { addAttachment } from '../store/attachment-writes.js';
import { AttachmentThumb } from './attachment-thumb.js';
import { PHOTO_JPEG_QUALITY, PHOTO_LONG_EDGE, photoForStorage } from './photo-import.js';

/** Photos and documents taken on site, kept as Blobs in the database with their SHA-256; large photos scaled down first (photo-import.ts). */
export const AttachmentsSection = memo(function AttachmentsSection({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const { review, save } = useReview();
  const attachments = useItemAttachments(review.id, itemId) ?? [];
  const observations = (useItemNotes(review.id, itemId) ?? []).filter((n) => n.kind === 'observation');
  const input = useRef<HTMLInputElement>(null);
  const onFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const stored = await photoForStorage(file);
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
      <Typography.Paragraph type="secondary" className="zqa-hint" data-testid="photo-size-hint">
        {t('attachments.scaledHint', { edge: PHOTO_LONG_EDGE, quality: Math.round(PHOTO_JPEG_QUALITY * 100) })}
      </Typography.Paragraph>
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
