import { Layout, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute, type Route } from '../../app/use-route.js';
import { ExclusionChecksPage } from '../exclusions/exclusion-checks-page.js';
import { ItemPage } from '../item/item-page.js';
import { ReviewOverview } from '../overview/review-overview.js';
import { SiteIssuesPage } from '../site/site-issues-page.js';
import { SummaryPage } from '../summary/summary-page.js';
import { AppHeader } from './app-header.js';

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
        <Page route={route} />
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
