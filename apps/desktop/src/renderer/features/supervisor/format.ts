import type { SlaLevel } from '@switchboard/protocol';
import type { TFunction } from 'i18next';

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** "45s", "3m 05s", "2h 10m" (in Chinese "45秒", "3分05秒", "2小时10分"): a figure in seconds; "—" when there is none. */
export function seconds(t: TFunction, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const s = Math.max(0, Math.round(value));
  if (s < 60) return t('duration.seconds', { n: s });
  if (s < 3600) return t('duration.minutesSeconds', { m: Math.floor(s / 60), s: twoDigits(s % 60) });
  return t('duration.hoursMinutes', { h: Math.floor(s / 3600), m: twoDigits(Math.floor((s % 3600) / 60)) });
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`;
}

/** Tailwind classes for an SLA level, light and dark. */
export const LEVEL_TEXT: Record<SlaLevel, string> = {
  ok: 'text-slate-900 dark:text-slate-100',
  amber: 'text-amber-700 dark:text-amber-300',
  red: 'text-red-700 dark:text-red-300',
};

export const LEVEL_TILE: Record<SlaLevel, string> = {
  ok: 'border-slate-200 dark:border-slate-700',
  amber: 'border-amber-400 bg-amber-50 dark:border-amber-500 dark:bg-amber-950/40',
  red: 'border-red-500 bg-red-50 dark:border-red-500 dark:bg-red-950/40',
};
