import { Alert, Empty, Select, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceContext } from '../../app/use-workspace-context.js';
import { SaveIndicator } from '../../ui/layout/save-indicator.js';
import { ConsensusTab } from './consensus-tab.js';
import { checkConsensusTrail, openConsensus, type PanelAssignmentRecord } from './store/leader-ports.js';
import { LeaderProvider } from './leader-context.js';
import { MatrixTab, MembersCard } from './matrix-tab.js';
import { OverallTab } from './overall-tab.js';
import { buildPanelModel } from '../../../../shared/workflow/consolidate.js';
import { ProgressBoard } from './progress-board.js';
import { ReportTab } from './report-tab.js';
import { useLedAssignments, useLeaderPanelData } from './store/use-leader-data.js';
import './leader.css';

/** The panel leader's workspace: shown by the shell when this device leads a stored assignment. */
export function LeaderWorkspace() {
  const { t } = useTranslation();
  const ctx = useWorkspaceContext();
  const keyId = ctx?.keys?.keyId ?? null;
  const panels = useLedAssignments(keyId);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!ctx || !panels) return <Spin style={{ margin: '3em auto', display: 'block' }} />;
  if (!keyId || panels.length === 0) return <Empty style={{ marginTop: '3em' }} description={t('leader.none')} />;
  const active = panels.find((p) => p.reviewId === chosen) ?? panels[0]!;
  return (
    <div className="zqa-leader" data-testid="leader-workspace">
      <div className="zqa-leader-head">
        <Typography.Title level={4} style={{ margin: 0 }}>{active.content.applicant.name}</Typography.Title>
        <Typography.Text type="secondary">{`${active.content.cycle.name} · ${active.content.panel.name}`}</Typography.Text>
        <span style={{ marginLeft: 'auto' }}>
          <SaveIndicator />
        </span>
        {panels.length > 1 && (
          <Select value={active.reviewId} onChange={setChosen} style={{ minWidth: '20em' }} options={panels.map((p) => ({ value: p.reviewId, label: `${p.content.applicant.name}${t('punct.paren', { text: p.content.panel.name })}` }))} aria-label={t('leader.panel')} />
        )}
      </div>
      <LeaderPanel key={active.reviewId} record={active} keyId={keyId} />
    </div>
  );
}

function LeaderPanel({ record, keyId }: { record: PanelAssignmentRecord; keyId: string }) {
  const { t } = useTranslation();
  const data = useLeaderPanelData(record.reviewId);
  const [tab, setTab] = useState('matrix');
  const [itemId, setItemId] = useState<string | null>(null);
  const [trail, setTrail] = useState<{ ok: boolean; text: string } | null>(null);
  const model = useMemo(() => (data ? buildPanelModel(record.content, data.sheets) : undefined), [record.content, data]);
  const ready = model?.ok ? model.value : null;
  const edits = data?.edits ?? 0;
  useEffect(() => {
    if (!ready) return;
    void openConsensus(keyId, record.reviewId, ready.criteriaSet);
  }, [ready, keyId, record.reviewId]);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void checkConsensusTrail(record.reviewId, ready.criteriaSet).then((r) => {
      if (live) setTrail(r.ok ? { ok: true, text: t('leader.trail', { count: r.value.edits }) } : { ok: false, text: t('leader.trailBroken', { error: r.error }) });
    });
    return () => {
      live = false;
    };
  }, [ready, record.reviewId, edits, t]);
  if (!data || !model) return <Spin style={{ margin: '3em auto', display: 'block' }} />;
  if (!model.ok) return <Alert type="error" showIcon title={model.error} />;
  if (!data.consensus) return <Spin style={{ margin: '3em auto', display: 'block' }} />;
  const discuss = (id: string) => {
    setItemId(id);
    setTab('consensus');
  };
  if (!data.ownSheetExported) {
    // Independence first: who has sent a sheet, but nobody's scores until the leader's own is signed and exported.
    return (
      <>
        <ProgressBoard record={record} model={model.value} data={data} />
        <Alert type="info" showIcon style={{ marginBottom: '1em' }} title={t('leader.independence')} data-testid="leader-independence" />
        <MembersCard model={model.value} showGaps={false} />
      </>
    );
  }
  return (
    <LeaderProvider reviewId={record.reviewId} model={model.value} consensus={data.consensus.record} actor={keyId}>
      <ProgressBoard record={record} model={model.value} data={data} />
      {/* Always there, so the tabs below never move when the check ends: a click aimed at a tab lands on it. */}
      <Tag color={trail ? (trail.ok ? 'green' : 'red') : 'default'} data-testid="consensus-trail" data-checked={trail !== null} style={{ marginBottom: '0.5em' }}>
        {trail ? trail.text : t('leader.trailChecking')}
      </Tag>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'matrix', label: <span data-testid="leader-tab-matrix">{t('leader.tabs.matrix')}</span>, children: <MatrixTab model={model.value} consensus={data.consensus.record} onDiscuss={discuss} /> },
          { key: 'consensus', label: <span data-testid="leader-tab-consensus">{t('leader.tabs.consensus')}</span>, children: <ConsensusTab itemId={itemId} onSelect={setItemId} /> },
          { key: 'overall', label: <span data-testid="leader-tab-overall">{t('leader.tabs.overall')}</span>, children: <OverallTab /> },
          { key: 'report', label: <span data-testid="leader-tab-report">{t('leader.tabs.report')}</span>, children: <ReportTab assignment={record.content} data={data} /> },
        ]}
      />
    </LeaderProvider>
  );
}
