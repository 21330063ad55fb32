import type { TabState } from './cache-schemas.js';

/** The kept tabs without `gone`'s conversations (the same object when none of them was open). */
export function tabsWithout(tabs: TabState, gone: ReadonlySet<string>): TabState {
  const open = tabs.open.filter((id) => !gone.has(id));
  const activeGone = tabs.active !== null && gone.has(tabs.active);
  if (open.length === tabs.open.length && !activeGone) return tabs;
  return { open, active: activeGone ? (open[0] ?? null) : tabs.active };
}
