import { App, Button, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_CRITERIA_SETS, criteriaSetLabel } from '../../../../../shared/criteria/built-in.js';
import { importCriteriaSet } from '../store/criteria-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';
import { useImportedCriteriaSets } from '../store/live-reads.js';
import { openFile } from '../store/open-file.js';

/**
 * Criteria sets per industry (Art. 16): the built-in GB/T 19580-2012 and those imported from a
 * JSON file, each shown with its name and version; a file breaking the 1000-point frame is
 * refused with every problem. A cycle chooses its set in the rules above.
 */
export function CriteriaSetsCard({ self }: { self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const { message } = App.useApp();
  const imported = useImportedCriteriaSets();
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const importFile = async () => {
    const opened = await openFile('criteria-set');
    if (!opened.ok) return setProblems([{ zh: opened.error.message, en: opened.error.message }]);
    if (!opened.value) return;
    const r = await importCriteriaSet(db, opened.value.bytes, opened.value.name, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success(t('sec.criteria.imported', { name: criteriaSetLabel(r.value.set) }));
  };
  const rows = [
    ...BUILT_IN_CRITERIA_SETS.map((set) => ({ id: set.id, set, source: t('sec.criteria.builtIn') })),
    ...(imported ?? []).map((r) => ({ id: r.id, set: r.set, source: `${r.fileName} · ${r.importedBy} ${r.importedAt.slice(0, 10)}` })),
  ];
  return (
    <Card size="small" title={t('sec.criteria.title')} style={{ marginTop: 12 }} data-testid="criteria-sets">
      <Flex gap="middle" align="center" style={{ marginBottom: 8 }}>
        <Button onClick={() => void importFile()} data-testid="criteria-import">
          {t('sec.criteria.import')}
        </Button>
        <Typography.Text type="secondary">{t('sec.criteria.hint')}</Typography.Text>
      </Flex>
      <ProblemList problems={problems} testId="criteria-problems" title={t('sec.criteria.refused')} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('sec.criteria.name'), render: (_v, r) => criteriaSetLabel(r.set) },
          { title: t('sec.cycle.id'), dataIndex: 'id' },
          { title: t('sec.criteria.items'), render: (_v, r) => `${r.set.categories.length} / ${r.set.categories.reduce((n, c) => n + c.items.length, 0)}` },
          { title: t('sec.criteria.source'), dataIndex: 'source' },
        ]}
      />
    </Card>
  );
}
