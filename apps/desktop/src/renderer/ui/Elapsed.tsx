import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shortDuration, shortDurationTick } from './format.js';
import { useNow } from './use-now.js';

/**
 * How long since `since`, as `shortDuration` writes it ("45s", "12m"), worded by `children`
 * ("waiting 45s"). `now` is the caller's clock, which ticks every few seconds for a whole list or
 * table; while this duration is written in seconds it also ticks each second on its own, so a chat
 * a few seconds old does not read "0s" for seconds on end, and only the young durations re-render
 * that often.
 */
export function Elapsed({
  since,
  now,
  children = (time) => time,
}: {
  since: string;
  now: number;
  children?: (time: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const ownNow = useNow(shortDurationTick(since, now));
  // The later of the two clocks: the own one stands still once the duration is in minutes.
  return children(shortDuration(t, since, Math.max(now, ownNow)));
}
