import { powerMonitor } from 'electron';

type IdleEvent = { idle: boolean; reason: 'idle' | 'screen-locked' };

/** OS idle or a locked screen sets the agent away (with the reason), and back when they return. */
export function watchIdle(idleSeconds: () => number, emit: (event: IdleEvent) => void): () => void {
  let away: IdleEvent['reason'] | null = null;
  const set = (next: IdleEvent['reason'] | null) => {
    if (next === away) return;
    const previous = away;
    away = next;
    emit(next ? { idle: true, reason: next } : { idle: false, reason: previous ?? 'idle' });
  };
  const timer = setInterval(() => {
    if (away === 'screen-locked') return;
    set(powerMonitor.getSystemIdleTime() >= idleSeconds() ? 'idle' : null);
  }, 15_000);
  const locked = () => set('screen-locked');
  const unlocked = () => set(null);
  powerMonitor.on('lock-screen', locked);
  powerMonitor.on('unlock-screen', unlocked);
  return () => {
    clearInterval(timer);
    powerMonitor.off('lock-screen', locked);
    powerMonitor.off('unlock-screen', unlocked);
  };
}
