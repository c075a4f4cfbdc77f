/** The web app speaks Vietnamese; English is a switch away (a cookie, so every page follows it). */
export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const LOCALE_COOKIE = 'pc_lang';

export function localeOf(value: unknown): Locale {
  return value === 'en' ? 'en' : 'vi';
}

type Message = string | ((...args: never[]) => string);

/**
 * One area's texts in both languages. The English side is typed from the Vietnamese one, so a text
 * added in Vietnamese and forgotten in English fails the type check instead of showing a key.
 */
export function defineMessages<M extends Record<string, Message>>(messages: { vi: M; en: NoInfer<M> }): (locale: Locale) => M {
  return (locale) => messages[locale];
}
