/**
 * The report's faces travel with the app (SIL Open Font License 1.1): Vite copies these
 * files into dist/renderer/assets, so the packed app can make a report with no network; the
 * licences go along, as the OFL asks. Noto Serif SC Regular sets the body, Noto Sans SC Bold
 * the headings (shared/report/render-pdf.ts). Loaded on first use only.
 */
import serifUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';
import sansBoldUrl from '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf?url';
import sansLicenceUrl from './NotoSansSC-OFL.txt?url';
import serifLicenceUrl from './NotoSerifSC-OFL.txt?url';

export const REPORT_FONT_URLS = { serif: serifUrl, sansBold: sansBoldUrl, licences: [sansLicenceUrl, serifLicenceUrl] } as const;
