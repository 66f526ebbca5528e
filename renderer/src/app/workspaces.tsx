import { AuditOutlined, FileDoneOutlined, IdcardOutlined, SaveOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Layout, Spin } from 'antd';
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { backupStrings } from '../workspaces/backup/i18n.js';
import { WipeNotice } from '../workspaces/backup/wipe-notice.js';
import { JournalNotice } from '../journal/journal-notice.js';
import { KeysLostNotice } from '../device/key-custody-notice.js';
import { identityStrings } from '../workspaces/identity/i18n.js';
import { showWorkspace, useChosenWorkspace } from './workspace-choice.js';
import { useLoadWorkspaceContext, WorkspaceContextProvider, type WorkspaceContext } from './use-workspace-context.js';
import { ExpertWorkspace } from '../workspaces/expert/expert-workspace.js';
import { usePendingOpens } from '../packages/use-pending-opens.js';
import { DropImport } from '../packages/drop-import.js';
import { LATER_SCREENS, preloadLaterScreens } from './later-screens.js';
import { SettingsControls } from '../ui/layout/settings-controls.js';
import { WorkspaceNav } from './workspace-nav.js';
import { DeviceBadge } from './device-badge.js';
import { packageStrings } from '../packages/i18n.js';
import './shell.css';

import type { ParseKeys } from 'i18next';
import { addWorkspaceStrings, type WorkspaceStrings } from '../i18n/i18n.js';

export type { WorkspaceStrings };

export interface WorkspaceDefinition {
  key: string;
  /** i18n key of the menu label. */
  labelKey: ParseKeys;
  icon?: ReactNode;
  visible(ctx: WorkspaceContext): boolean;
  Component: ComponentType;
  /** Strings the shell registers at its first render; a lazy workspace's come with its chunk (later-screens.ts). */
  strings?: WorkspaceStrings;
}

// The expert's review is the first screen and stays in the main chunk; every other workspace
// (and what it alone pulls in: PKI, report rendering, backups) is fetched when first shown,
// or earlier, once the first screen is up and the page is idle (preloadLaterScreens).
const LeaderWorkspace = lazy(() => LATER_SCREENS.leader().then((m) => ({ default: m.LeaderWorkspace })));
const CountersignPage = lazy(() => LATER_SCREENS.countersign().then((m) => ({ default: m.CountersignPage })));
const SecretariatWorkspace = lazy(() => LATER_SCREENS.secretariat().then((m) => ({ default: m.SecretariatWorkspace })));
const IdentityPage = lazy(() => LATER_SCREENS.identity().then((m) => ({ default: m.IdentityPage })));
const BackupPage = lazy(() => LATER_SCREENS.backup().then((m) => ({ default: m.BackupPage })));

/**
 * The app's workspaces, in menu order. Each engineer adds one entry (leader, secretariat,
 * backup); the first visible one opens when nothing else was chosen.
 */
const WORKSPACES: readonly WorkspaceDefinition[] = [
  { key: 'review', labelKey: 'workspaces.review', icon: <SolutionOutlined />, visible: () => true, Component: ExpertWorkspace, strings: packageStrings },
  { key: 'leader', labelKey: 'workspaces.leader', icon: <TeamOutlined />, visible: (ctx) => ctx.leadsPanel, Component: LeaderWorkspace },
  { key: 'countersign', labelKey: 'workspaces.countersign', icon: <FileDoneOutlined />, visible: (ctx) => ctx.profile?.role !== 'secretariat', Component: CountersignPage },
  { key: 'secretariat', labelKey: 'workspaces.secretariat', icon: <AuditOutlined />, visible: (ctx) => ctx.profile?.role === 'secretariat', Component: SecretariatWorkspace },
  { key: 'identity', labelKey: 'workspaces.identity', icon: <IdcardOutlined />, visible: () => true, Component: IdentityPage, strings: identityStrings },
  { key: 'backup', labelKey: 'workspaces.backup', icon: <SaveOutlined />, visible: () => true, Component: BackupPage, strings: backupStrings },
];

let registered = false;

/** Once, after i18next is initialised (main.tsx) and before the first label renders. */
function registerStrings(): void {
  if (registered) return;
  registered = true;
  for (const w of WORKSPACES) if (w.strings) addWorkspaceStrings(w.strings);
}

export function Workspaces() {
  registerStrings();
  const { t } = useTranslation();
  const ctx = useLoadWorkspaceContext();
  const chosen = useChosenWorkspace();
  usePendingOpens();
  const ready = ctx !== undefined;
  useEffect(() => (ready ? preloadLaterScreens() : undefined), [ready]);
  if (!ctx) return <Spin size="large" description={t('app.loading')} fullscreen />;
  const visible = WORKSPACES.filter((w) => w.visible(ctx));
  const active = visible.find((w) => w.key === chosen) ?? visible[0];
  if (!active) return null;
  const Active = active.Component;
  return (
    <WorkspaceContextProvider value={ctx}>
      <Layout className="zqa-shell">
        <Layout.Header className="zqa-shell-bar">
          <WorkspaceNav
            label={t('workspaces.menu')}
            active={active.key}
            onOpen={showWorkspace}
            items={visible.map((w) => ({ key: w.key, icon: w.icon, label: <span data-testid={`workspace-${w.key}`}>{t(w.labelKey)}</span> }))}
          />
          <DeviceBadge ctx={ctx} />
          <SettingsControls />
        </Layout.Header>
        <DropImport workspace={active.key} />
        <JournalNotice />
        <KeysLostNotice />
        <WipeNotice hidden={active.key === 'backup'} />
        {!ctx.profile && active.key !== 'identity' && (
          <Alert
            type="info"
            showIcon
            banner
            data-testid="identity-banner"
            title={t('identity.bannerText')}
            action={
              <Button size="small" type="primary" onClick={() => showWorkspace('identity')} data-testid="identity-banner-setup">
                {t('identity.bannerAction')}
              </Button>
            }
          />
        )}
        <Suspense fallback={<Spin size="large" description={t('app.loading')} fullscreen />}>
          <Active />
        </Suspense>
      </Layout>
    </WorkspaceContextProvider>
  );
}
