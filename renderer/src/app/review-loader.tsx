import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../db/database.js';
import { seedDemoIfEmpty } from '../db/seed-demo.js';
import { useCurrentReview } from '../db/use-review-data.js';
import type { DeclarationRecord } from '../db/records.js';
import { ConflictBlocked } from '../ui/declaration/conflict-blocked.js';
import { DeclarationGate } from '../ui/declaration/declaration-gate.js';
import { ReviewLayout } from '../ui/layout/review-layout.js';
import { ReviewProvider } from './review-context.js';

/** Opens the database, seeds the demo on first start, and gates the review behind the declaration. */
export function ReviewLoader() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    seedDemoIfEmpty(getDatabase()).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  }, []);
  const current = useCurrentReview();
  if (failure) return <Alert type="error" showIcon title={t('app.loadFailed', { error: failure })} style={{ margin: 24 }} />;
  if (!current?.review) return <Spin size="large" description={t('app.loading')} fullscreen />;
  return (
    <ReviewProvider review={current.review}>
      <DeclaredReview declaration={current.declaration} />
    </ReviewProvider>
  );
}

function DeclaredReview({ declaration }: { declaration: DeclarationRecord | null }) {
  if (!declaration) return <DeclarationGate />;
  if (declaration.conflict) return <ConflictBlocked declaration={declaration} />;
  return <ReviewLayout />;
}
