import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/**
 * One feature's strings in both languages. Vietnamese is the reference: an English table must have the same
 * keys, which the type checks. A value may be a function for strings with parts.
 */
export type Messages<K extends string = string> = Record<Lang, Record<K, string | ((...args: never[]) => string)>>;

interface LangContextValue {
  lang: Lang;
  setLang(lang: Lang): void;
}

const STORAGE_KEY = 'kt.lang';
const LangContext = createContext<LangContextValue>({ lang: 'vi', setLang: () => undefined });

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

export function LangProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);

/** The strings of `messages` in the current language: `const t = useT(MESSAGES); t.title`. */
export function useT<M extends Messages>(messages: M): M['vi'] {
  const { lang } = useLang();
  return messages[lang] as M['vi'];
}

/** Picks the Vietnamese or English one of a pair the API sends (`message`/`messageEn`, `name`/`nameEn`). */
export function pick(lang: Lang, vi: string, en: string | null | undefined): string {
  return lang === 'en' && en ? en : vi;
}

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Dates as officials write them (29/11/2026); ISO days are local days, so no time zone shifts them. */
export function formatDay(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return lang === 'vi' ? `${d}/${m}/${y}` : `${d}/${m}/${y}`;
}

/** Every instant on screen, as officials write it: dd/mm/yyyy HH:mm in Vietnam's time (UTC+7), whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A file's size as people read it: 850 byte, 245 KB, 1,5 MB (Vietnamese decimal comma; 1 KB = 1024 bytes). */
export function formatFileSize(bytes: number, lang: Lang): string {
  const number = (value: number) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(value);
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} ${lang === 'vi' ? 'byte' : bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  return `${number(bytes / (1024 * 1024 * 1024))} GB`;
}
