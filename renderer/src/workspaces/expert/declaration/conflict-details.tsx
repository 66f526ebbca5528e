import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONFLICT_KINDS, type ConflictKind } from '../store/records.js';

/**
 * What the expert declares a conflict of interest with: its kind (Art. 18's list) and the
 * facts. Shown only once "I have a conflict" is chosen, which few declarations are, so it
 * is a chunk of its own: antd's Select and TextArea stay off the first screen's bundle
 * (docs/ARCHITECTURE.md, "The first screen"); it is preloaded once the page is idle.
 */
export function ConflictDetails({
  kind,
  detail,
  onKind,
  onDetail,
}: {
  kind: ConflictKind | undefined;
  detail: string;
  onKind: (kind: ConflictKind) => void;
  onDetail: (detail: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select<ConflictKind>
        placeholder={t('declaration.kindLabel')}
        aria-label={t('declaration.kindLabel')}
        data-testid="conflict-kind"
        value={kind}
        onChange={onKind}
        options={CONFLICT_KINDS.map((k) => ({ value: k, label: t(`conflictKinds.${k}`) }))}
      />
      <Input.TextArea
        aria-label={t('declaration.detailLabel')}
        data-testid="conflict-detail"
        placeholder={t('declaration.detailPlaceholder')}
        value={detail}
        onChange={(e) => onDetail(e.target.value)}
        autoSize={{ minRows: 2 }}
      />
    </>
  );
}
