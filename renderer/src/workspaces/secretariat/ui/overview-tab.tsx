import { App, Button, Card, Flex, Table, Tag, Typography, Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_NAMES, LIST_ORDER } from '../../../../../shared/ranking/applicant-result.js';
import type { DecisionRecord } from '../../../../../shared/ranking/committee-decision.js';
import { industryWarning } from '../../../../../shared/ranking/industry-representation.js';
import { recommendationDisagreement } from '../../../../../shared/ranking/recommendation-check.js';
import { formatHundredths } from '../../../../../shared/scoring/hundredths.js';
import { decisionStatus, recordDecision, recordedDecisions } from '../store/decision-store.js';
import type { DecisionRow } from '../store/records.js';
import { DecisionEditor, type DecisionInput } from './decision-editor.js';
import { NotCandidatesTable } from './not-candidates-table.js';
import { csvFiles, exportInput, workbookFile } from '../store/export-files.js';
import type { Bilingual } from '../store/messages.js';
import type { OverviewRow } from '../store/overview.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { SignOffTags } from './sign-off-tags.js';
import { isProblem, saveFile } from '../store/save-file.js';
import { useSec } from '../store/use-secretariat.js';
import { useOverview } from '../store/live-reads.js';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** "市长质量奖 15/0/1 *": the outcome, the vote, a star where a reason departs from the proposal. */
function decisionLabel(row: DecisionRow, record: DecisionRecord | undefined, lang: 'zh' | 'en', t: TFunction): string {
  const vote = row.vote ? ` ${row.vote.for}/${row.vote.against}/${row.vote.abstaining}` : ` ${t('sec.overview.noVote')}`;
  return `${LIST_NAMES[row.outcome][lang]}${record?.repeatWinner ? t('sec.overview.repeat') : ''}${vote}${row.reason ? ' *' : ''}`;
}

/**
 * The comprehensive review (综合评审): every candidate with industry, consensus total, category
 * subtotals (of the cycle's criteria set), the recommendation its panel signed (flagged where
 * the proposal differs), exclusions and divergence notes; the proposed split with vacancies
 * and ties; the industry-representation warning; the committee's decision per candidate with
 * its vote (a reason wherever it departs); the applicants that are no candidates, apart, with
 * their stage and why; exports to .xlsx and CSV.
 */
export function OverviewTab({ cycleId, self }: { cycleId: string; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db, language, text } = useSec();
  const { message } = App.useApp();
  const overview = useOverview(cycleId);
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const [deciding, setDeciding] = useState<string | null>(null);
  if (!overview) return null;
  const lang = language === 'en' ? 'en' : 'zh';
  const status = decisionStatus(overview);
  const proposalText = (row: OverviewRow) => {
    const e = row.entry;
    if (!e) return '—';
    if (e.tie) return `${t('sec.overview.tie', { group: e.tie.group })}：${e.tie.possible.map((l) => LIST_NAMES[l][lang]).join(' / ')}`;
    const place = e.place?.kind === 'repeat' ? t('sec.overview.repeat') : e.place?.kind === 'reserved' ? t('sec.overview.reserved', { category: e.place.category }) : '';
    return `${LIST_NAMES[e.list][lang]}${place}`;
  };
  const recorded = new Map(recordedDecisions(overview).map((d) => [d.applicantId, d]));
  const warning = industryWarning(overview.proposal);
  const decide = async (row: OverviewRow, decision: DecisionInput) => {
    const r = await recordDecision(db, cycleId, row.applicantId, decision, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'decision', duration: 1 });
  };
  const exportXlsx = async () => {
    const book = await workbookFile(await exportInput(db, overview));
    if (!book.ok) return setProblems(book.error.map((e) => ({ zh: e, en: e })));
    const saved = await saveFile('spreadsheet', book.value.fileName, book.value.bytes);
    if (isProblem(saved)) return setProblems([saved]);
    setProblems([]);
    if (saved) void message.success(t('sec.overview.exported', { file: saved.savedAs }));
  };
  const exportCsv = async () => {
    for (const f of csvFiles(await exportInput(db, overview))) {
      const saved = await saveFile('csv', f.fileName, f.bytes);
      if (isProblem(saved)) return setProblems([saved]);
      if (!saved) return;
    }
    setProblems([]);
    void message.success(t('sec.overview.exportedCsv'));
  };
  const p = overview.proposal;
  const decidingRow = overview.rows.find((r) => r.applicantId === deciding && r.entry);
  return (
    <Flex vertical gap="middle" data-testid="overview">
      <Flex gap="middle" wrap>
        {LIST_ORDER.map((l) => (
          <Card key={l} size="small" title={`${LIST_NAMES[l][lang]}（${p[l].length}）`} style={{ minWidth: 220 }} data-testid={`proposal-${l}`}>
            {p[l].map((e) => (
              <div key={e.applicantId}>
                {`${formatHundredths(e.totalHundredths)}  ${e.name}`}
                {e.tie && <Tag color="gold" style={{ marginInlineStart: 6 }}>{t('sec.overview.tie', { group: e.tie.group })}</Tag>}
                {e.exclusions && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('sec.overview.excluded', { numbers: e.exclusions.join('、') })}</Tag>}
              </div>
            ))}
          </Card>
        ))}
        <Card size="small" title={t('sec.overview.vacancies')} data-testid="vacancies">
          {t('sec.overview.vacancyText', { award: p.vacancies.award, nomination: p.vacancies.nomination })}
          {p.ties.map((g) => (
            <div key={g.group}>{t('sec.overview.tieGroup', { group: g.group, total: formatHundredths(g.totalHundredths), count: g.applicantIds.length, award: g.places.award, nomination: g.places.nomination })}</div>
          ))}
        </Card>
      </Flex>
      <Flex gap="small">
        <Button onClick={() => void exportXlsx()} data-testid="export-xlsx">
          {t('sec.overview.exportXlsx')}
        </Button>
        <Button onClick={() => void exportCsv()} data-testid="export-csv">
          {t('sec.overview.exportCsv')}
        </Button>
      </Flex>
      {warning && <Alert type="warning" showIcon title={text(warning)} data-testid="industry-warning" />}
      {decidingRow && <DecisionEditor key={decidingRow.applicantId} row={decidingRow} lang={lang} onDecide={(d) => void decide(decidingRow, d)} />}
      <ProblemList problems={problems} testId="decision-problems" title={t('sec.notSaved')} />
      <Table
        size="small"
        rowKey="applicantId"
        pagination={false}
        data-testid="overview-table"
        dataSource={overview.rows.filter((r) => !r.apart)}
        // Twenty columns do not fit a 1366 px laptop: the table scrolls inside its card, the
        // applicant (and the expander) stay in view, and the page itself never widens.
        scroll={{ x: 'max-content' }}
        expandable={{
          fixed: 'left',
          // Divergence notes can run to twenty lines: they open under the row, not inside it.
          rowExpandable: (r) => (r.result?.divergenceNotes.length ?? 0) > 0,
          expandedRowRender: (r) => (
            <ul style={{ margin: 0 }} data-testid={`divergence-${r.applicantId}`}>
              {r.result?.divergenceNotes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: t('sec.overview.applicant'), width: '14em', fixed: 'left', render: (_v, r) => <span style={{ display: 'inline-block', minWidth: '12em' }} data-testid={`overview-${r.applicantId}`}>{r.name}</span> },
          { title: <span style={NOWRAP}>{t('sec.overview.industry')}</span>, render: (_v, r) => <span style={NOWRAP}>{r.industry}</span> },
          { title: <span style={NOWRAP}>{t('sec.overview.total')}</span>, align: 'right', render: (_v, r) => (r.result ? <strong data-testid={`total-${r.applicantId}`}>{formatHundredths(r.result.totalHundredths)}</strong> : <Typography.Text type="secondary">{t('sec.overview.pending')}</Typography.Text>) },
          { title: <span style={NOWRAP}>{t('sec.overview.proposal')}</span>, render: (_v, r) => proposalText(r) },
          {
            title: <span style={NOWRAP}>{t('sec.overview.decision')}</span>,
            render: (_v, r) =>
              r.entry ? (
                // One light button per row; the editor opens for the row being decided, so 40 rows
                // do not mount 80 form controls (the overview must open fast, docs/secretariat-workspace.md).
                <Button size="small" type={deciding === r.applicantId ? 'primary' : 'default'} onClick={() => setDeciding(r.applicantId)} data-testid={`decide-${r.applicantId}`}>
                  {r.decision ? decisionLabel(r.decision, recorded.get(r.applicantId), lang, t) : t('sec.overview.decide')}
                </Button>
              ) : null,
          },
          { title: <span style={NOWRAP}>{t('sec.overview.exclusions')}</span>, render: (_v, r) => (r.result?.exclusions.length ? <Tag color="red">{r.result.exclusions.map((n) => `第${n}项`).join('、')}</Tag> : '') },
          {
            title: <span style={NOWRAP}>{t('sec.overview.recommendation')}</span>,
            render: (_v, r) => {
              if (!r.result) return '';
              const differs = recommendationDisagreement(r.result, r.entry, overview.cycle.rules);
              return (
                <span style={NOWRAP} data-testid={`signed-${r.applicantId}`}>
                  {t(`sec.recommendation.${r.result.recommendation}`, { defaultValue: r.result.recommendation })}
                  {differs && (
                    <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid={`disagrees-${r.applicantId}`}>
                      {differs.rulesChanged ? t('sec.overview.rulesChanged') : t('sec.overview.disagrees')}
                    </Tag>
                  )}
                </span>
              );
            },
          },
          { title: <span style={NOWRAP}>{t('sec.overview.signOff')}</span>, render: (_v, r) => <SignOffTags notes={r.result} testId={`sign-off-${r.applicantId}`} /> },
          ...overview.criteriaSet.categories.map((c) => ({
            title: <span style={NOWRAP}>{`${c.id}（${c.points}）`}</span>,
            align: 'right' as const,
            render: (_v: unknown, r: OverviewRow) => (r.result?.categorySubtotals[c.id] === undefined ? '' : formatHundredths(r.result.categorySubtotals[c.id]!)),
          })),
          { title: <span style={NOWRAP}>{t('sec.overview.divergence')}</span>, render: (_v, r) => (r.result?.divergenceNotes.length ? <span style={NOWRAP}>{t('sec.overview.divergenceCount', { count: r.result.divergenceNotes.length })}</span> : '') },
        ]}
      />
      <NotCandidatesTable rows={overview.rows.filter((r) => r.apart)} lang={lang} />
      {status.problems.length > 0 && overview.decisions.length > 0 && (
        <Alert type="info" showIcon title={t('sec.overview.decisionsOpen')} description={status.problems.map((x) => text(x)).join('；')} />
      )}
    </Flex>
  );
}
