import { useSettings } from '../settings/store.js';
import { usePresence } from '../status/store.js';

const RING_EVERY_MS = 2500;

/** A short two-tone chime, synthesized: no audio file, nothing the CSP has to allow. */
function chime(context: AudioContext): void {
  for (const [i, frequency] of [880, 660].entries()) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, context.currentTime + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + i * 0.18 + 0.16);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(context.currentTime + i * 0.18);
    oscillator.stop(context.currentTime + i * 0.18 + 0.17);
  }
}

export function playChime(): void {
  try {
    chime(new AudioContext());
  } catch {
    // no audio device: the native notification still shows
  }
}

/** Rings while an offer or a new assignment waits for the agent (PRODUCT: alerts that cannot be missed). */
export function startRinger(): () => void {
  const timer = setInterval(() => {
    const { offers, ringing } = usePresence.getState();
    if (!useSettings.getState().settings.sound) return;
    if (Object.keys(offers).length > 0 || ringing.length > 0) playChime();
  }, RING_EVERY_MS);
  return () => clearInterval(timer);
}
