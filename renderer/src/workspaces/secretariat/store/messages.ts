/** Domain refusals carry both languages; the UI shows the one in use. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type Language = 'zh-CN' | 'en';

export function pick(message: Bilingual, language: Language): string {
  return language === 'en' ? message.en : message.zh;
}

export function same(text: string): Bilingual {
  return { zh: text, en: text };
}

export function nowIso(): string {
  return new Date().toISOString();
}
