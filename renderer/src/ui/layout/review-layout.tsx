import { Layout, Spin, Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LATER_SCREENS } from '../../app/later-screens.js';
import { navigate, useRoute, type Route } from '../../app/use-route.js';
import { ReviewOverview } from '../../workspaces/expert/overview/review-overview.js';
import { AppHeader } from './app-header.js';

// The overview is the review's first screen; its other pages are chunks of their own
// (later-screens.ts), fetched at boot when the app opens on one, else when the page is idle.
const ItemPage = lazy(() => LATER_SCREENS.item().then((m) => ({ default: m.ItemPage })));
const SiteIssuesPage = lazy(() => LATER_SCREENS.siteIssues().then((m) => ({ default: m.SiteIssuesPage })));
const ExclusionChecksPage = lazy(() => LATER_SCREENS.exclusions().then((m) => ({ default: m.ExclusionChecksPage })));
const SummaryPage = lazy(() => LATER_SCREENS.summary().then((m) => ({ default: m.SummaryPage })));

const SECTIONS = ['overview', 'site-issues', 'exclusions', 'summary'] as const;
const SECTION_LABEL = { overview: 'nav.items', 'site-issues': 'nav.siteIssues', exclusions: 'nav.exclusions', summary: 'nav.summary' } as const;

export function ReviewLayout() {
  const { t } = useTranslation();
  const route = useRoute();
  const section = route.name === 'item' ? 'overview' : route.name;
  return (
    <Layout className="zqa-layout">
      <AppHeader />
      <Tabs
        className="zqa-nav"
        activeKey={section}
        onTabClick={(key) => navigate({ name: key } as Route)}
        items={SECTIONS.map((key) => ({ key, label: <span data-testid={`nav-${key}`}>{t(SECTION_LABEL[key])}</span> }))}
      />
      <Layout.Content className="zqa-content">
        <Suspense fallback={<Spin size="large" />}>
          <Page route={route} />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'item':
      return <ItemPage itemId={route.itemId} />;
    case 'site-issues':
      return <SiteIssuesPage />;
    case 'exclusions':
      return <ExclusionChecksPage />;
    case 'summary':
      return <SummaryPage />;
    default:
      return <ReviewOverview />;
  }
}
