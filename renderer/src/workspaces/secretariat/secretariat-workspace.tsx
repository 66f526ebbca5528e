import { Alert, Button, Flex, Select, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cycleTitleZh } from '../../../../shared/cycle/cycle.js';
import { ApplicantsTab } from './ui/applicants-tab.js';
import { NewCycleForm } from './ui/cycle-tab.js';
import { CycleRulesCard } from './ui/cycle-rules-card.js';
import { ExpertsTab } from './ui/experts-tab.js';
import { NoticeTab } from './ui/notice-tab.js';
import { OverviewTab } from './ui/overview-tab.js';
import { PanelsTab } from './ui/panels-tab.js';
import { ReturnsTab } from './ui/returns-tab.js';
import { useSecretariatSelf } from './store/use-secretariat.js';
import { useCycles } from './store/live-reads.js';

const CYCLE_KEY = 'zqa.secretariat.cycle';

function rememberedCycle(): string | null {
  try {
    return window.localStorage.getItem(CYCLE_KEY);
  } catch {
    return null;
  }
}

/** The secretariat's workspace: one cycle at a time, its steps as tabs in process order. */
export function SecretariatWorkspace() {
  const { t } = useTranslation();
  const self = useSecretariatSelf();
  const cycles = useCycles();
  const [chosen, setChosen] = useState<string | null>(rememberedCycle);
  const [creating, setCreating] = useState(false);
  if (!self || !cycles) return <Spin description={t('app.loading')} />;
  if ('error' in self) return <Alert type="error" showIcon title={self.error} style={{ margin: 24 }} />;
  const choose = (id: string) => {
    setChosen(id);
    setCreating(false);
    try {
      window.localStorage.setItem(CYCLE_KEY, id);
    } catch {
      // remembering the cycle is a convenience
    }
  };
  const current = cycles.find((c) => c.id === chosen) ?? cycles[0];
  return (
    <Flex vertical gap="middle" className="zqa-content" style={{ padding: '16px 24px' }} data-testid="secretariat-workspace">
      <Flex gap="middle" align="center" wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('sec.title')}
        </Typography.Title>
        {cycles.length > 0 && (
          <Select
            style={{ minWidth: '22em' }}
            value={current?.id}
            onChange={choose}
            data-testid="cycle-select"
            options={cycles.map((c) => ({ value: c.id, label: `${cycleTitleZh(c.cycle)} ${c.cycle.name}` }))}
          />
        )}
        <Button onClick={() => setCreating(!creating)} data-testid="new-cycle-toggle">
          {t('sec.cycle.new')}
        </Button>
      </Flex>
      {(creating || !current) && <NewCycleForm self={self} onCreated={choose} />}
      {current && (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'rules', label: <span data-testid="tab-rules">{t('sec.tabs.rules')}</span>, children: <CycleRulesCard key={current.updatedAt} cycle={current.cycle} self={self} /> },
            { key: 'applicants', label: <span data-testid="tab-applicants">{t('sec.tabs.applicants')}</span>, children: <ApplicantsTab cycleId={current.id} self={self} /> },
            { key: 'experts', label: <span data-testid="tab-experts">{t('sec.tabs.experts')}</span>, children: <ExpertsTab self={self} /> },
            { key: 'panels', label: <span data-testid="tab-panels">{t('sec.tabs.panels')}</span>, children: <PanelsTab cycle={current} self={self} /> },
            { key: 'returns', label: <span data-testid="tab-returns">{t('sec.tabs.returns')}</span>, children: <ReturnsTab cycleId={current.id} /> },
            { key: 'overview', label: <span data-testid="tab-overview">{t('sec.tabs.overview')}</span>, children: <OverviewTab cycleId={current.id} self={self} /> },
            { key: 'notice', label: <span data-testid="tab-notice">{t('sec.tabs.notice')}</span>, children: <NoticeTab cycleId={current.id} self={self} /> },
          ]}
        />
      )}
    </Flex>
  );
}
