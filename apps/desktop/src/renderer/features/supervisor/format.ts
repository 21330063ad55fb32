import type { SlaLevel } from '@switchboard/protocol';

/** "45s", "3m 05s", "2h 10m": a figure in seconds; "—" when there is none. */
export function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const s = Math.max(0, Math.round(value));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
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
