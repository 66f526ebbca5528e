import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatHundredths } from '../../../../../shared/scoring/hundredths.js';
import { fileNames } from '../../../../../shared/workflow/file-names.js';
import type { Bilingual } from '../store/messages.js';
import { ImportButtons } from '../../../packages/import-buttons.js';
import { refusalsOf } from '../../../packages/import-summary-text.js';
import { ProblemList } from './problem-list.js';
import { isProblem, saveFile } from '../store/save-file.js';
import { SignOffTags } from './sign-off-tags.js';
import { useSec } from '../store/use-secretariat.js';
import { formatDateTime } from '../../../ui/common/date-time.js';
import { usePanelReturns, useSummaries } from '../store/live-reads.js';

/**
 * Panel returns: each file checked in full (every signature, the report's hash, the
 * consensus finished) and applied in one transaction, or refused with the reason and nothing
 * changed. Earlier revisions stay listed as superseded.
 */
export function ReturnsTab({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const returns = usePanelReturns(cycleId);
  const summaries = useSummaries(cycleId);
  /** The signed report PDF as received (its SHA-256 was checked on import), saved for reading or archiving. */
  const saveReport = async (id: string) => {
    const row = await db.secPanelReturns.get(id);
    if (!row) return;
    const name = fileNames.returnedReportPdf(totalOf(id)?.name ?? row.applicantId, row.revision);
    const saved = await saveFile('pdf', name, new Uint8Array(await row.reportPdf.arrayBuffer()));
    if (isProblem(saved)) setProblems([saved]);
  };
  const totalOf = (packageId: string) => summaries?.find((s) => s.returnPackageId === packageId)?.result;
  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" align="center">
        <ImportButtons accept={['panel-return']} label={t('sec.returns.import')} testId="import-return" primary onImported={(summary) => setProblems(refusalsOf(summary))} />
        <Typography.Text type="secondary">{t('sec.returns.hint')}</Typography.Text>
      </Flex>
      <ProblemList problems={problems} testId="return-problems" title={t('sec.returns.refused')} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="returns-table"
        dataSource={returns ?? []}
        columns={[
          { title: t('sec.returns.applicant'), render: (_v, r) => totalOf(r.id)?.name ?? r.applicantId },
          { title: t('sec.returns.revision'), dataIndex: 'revision' },
          { title: t('sec.returns.total'), render: (_v, r) => (totalOf(r.id) ? formatHundredths(totalOf(r.id)!.totalHundredths) : '—') },
          { title: t('sec.returns.signatures'), render: (_v, r) => t('sec.returns.signatureCount', { sheets: r.members, countersigned: r.countersigned }) },
          { title: t('sec.returns.signOff'), render: (_v, r) => <SignOffTags notes={r.signOff} testId={`return-sign-off-${r.applicantId}-${r.revision}`} /> },
          { title: t('sec.returns.report'), render: (_v, r) => <Typography.Text code>{r.reportSha256.slice(0, 16)}…</Typography.Text> },
          { title: t('sec.returns.received'), render: (_v, r) => `${formatDateTime(r.receivedAt)} ${r.receivedBy}` },
          { title: '', render: (_v, r) => (r.current ? <Tag color="green">{t('sec.returns.current')}</Tag> : <Tag>{t('sec.returns.superseded')}</Tag>) },
          {
            title: '',
            render: (_v, r) => (
              <Button size="small" onClick={() => void saveReport(r.id)} data-testid={`report-${r.applicantId}`}>
                {t('sec.returns.saveReport')}
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}
