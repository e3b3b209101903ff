import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import en from './en'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'qingfeng.locale'

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/** The remembered choice, else Chinese (the office's working language), never the browser's guess. */
export function storedLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): AppLocale {
  try {
    const value = storage?.getItem(LOCALE_STORAGE_KEY)
    return isAppLocale(value) ? value : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

export const currentLocale = computed<AppLocale>(() => i18n.global.locale.value)

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
  document.documentElement.lang = locale
}

/** Translate a key built at run time (e.g. from an enum code), falling back to the raw code. */
export function labelOf(prefix: string, code: string | undefined | null): string {
  if (code === undefined || code === null || code === '') return ''
  const key = `${prefix}.${code}`
  const { te, t } = i18n.global
  if (te(key) || te(key, DEFAULT_LOCALE)) {
    const text = t(key)
    if (typeof text === 'string' && text !== key) return text
  }
  return code
}
