/**
 * Noto Sans SC (SIL Open Font License 1.1) travels with the app: Vite copies these files
 * into dist/renderer/assets, so the packed app can make a report with no network. The
 * licence goes along, as the OFL asks.
 */
import regularUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf?url';
import licenceUrl from './NotoSansSC-OFL.txt?url';

export const REPORT_FONT_URLS = { regular: regularUrl, bold: boldUrl, licence: licenceUrl } as const;
