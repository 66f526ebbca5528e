import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Optional: summaries stored before sign-offs were carried have neither list, and show nothing. */
interface SignOffNotes {
  dissents?: readonly { name: string; reason: string }[];
  absences?: readonly { name: string; reason: string }[];
}

/**
 * A panel's sign-off as the secretariat must see it: each member who countersigned with
 * reservations (有保留意见) and each member recorded absent, with the reason in full, not
 * behind a tooltip. Nothing shown means no return yet; "all agreed" is said in words.
 */
export function SignOffTags({ notes, testId }: { notes: SignOffNotes | undefined; testId: string }) {
  const { t } = useTranslation();
  const dissents = notes?.dissents;
  const absences = notes?.absences;
  if (!dissents || !absences) return null;
  if (dissents.length === 0 && absences.length === 0) {
    return <Typography.Text type="secondary" data-testid={testId}>{t('sec.signOff.allAgreed')}</Typography.Text>;
  }
  return (
    // A reservation runs to a paragraph: it wraps at a readable width instead of widening the
    // table (which scrolls inside its card) until the reason leaves the laptop's screen.
    <Flex vertical gap={2} style={{ maxWidth: '24em' }} data-testid={testId}>
      {dissents.map((d) => (
        <span key={`d-${d.name}`}>
          <Tag color="orange">{`${t('sec.signOff.dissent')}：${d.name}`}</Tag>
          <Typography.Text>{d.reason}</Typography.Text>
        </span>
      ))}
      {absences.map((a) => (
        <span key={`a-${a.name}`}>
          <Tag>{`${t('sec.signOff.absent')}：${a.name}`}</Tag>
          <Typography.Text type="secondary">{a.reason}</Typography.Text>
        </span>
      ))}
    </Flex>
  );
}
