import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../i18n/ui-language.js';
import type { ImportSummary, ImportVerdict } from './import-many.js';
import { describeEntry } from './import-summary-text.js';

const VERDICT_COLOUR: Record<ImportVerdict, string> = { imported: 'green', superseded: 'blue', duplicate: 'default', refused: 'red' };

/** One line of an import, on its own (a toast) or in the summary's list; `data-outcome` lets tests read it. */
export function ImportOutcome({ kind, text }: { kind: string; text: string }) {
  return (
    <span data-testid="import-outcome" data-outcome={kind}>
      {text}
    </span>
  );
}

/**
 * The summary of one import of several files: the counts, then each file with what came of
 * it, refusals first so the files that need attention are read before the ones that went in.
 */
export function ImportSummaryList({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const order: ImportVerdict[] = ['refused', 'superseded', 'imported', 'duplicate'];
  const entries = [...summary.entries].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict));
  return (
    <div data-testid="import-summary" className="zqa-import-summary">
      <p className="zqa-paragraph" data-testid="import-summary-counts">{t('packages.importMany.counts', summary.counts)}</p>
      <table className="zqa-table zqa-import-summary-table">
        <thead>
          <tr>
            <th>{t('packages.importMany.file')}</th>
            <th>{t('packages.importMany.result')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => {
            const { kind, text } = describeEntry(t, e, language);
            return (
              <tr key={`${i}-${e.fileName}`} data-testid="import-summary-row" data-verdict={e.verdict}>
                <td className="zqa-import-file">{e.fileName}</td>
                <td>
                  <Tag color={VERDICT_COLOUR[e.verdict]}>{t(`packages.importMany.verdict.${e.verdict}`)}</Tag>
                  <ImportOutcome kind={kind} text={text} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
