/** "45s", "12m", "3h", "2d": how long a visitor has been waiting. */
export function shortDuration(fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The time for today, the date for any other day: when a found message was written. */
export function dayOrTime(iso: string, now: number): string {
  const at = new Date(iso);
  return at.toDateString() === new Date(now).toDateString()
    ? clockTime(iso)
    : at.toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' });
}
