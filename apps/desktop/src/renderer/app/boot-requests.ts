import type { BridgeResponse } from '../../shared/bridge.js';
import { bridge } from '../host/bridge.js';

export type Boot = BridgeResponse<'app:boot'>;

let pending: Promise<Boot> | null = null;

/**
 * Asks the host for settings, session and cache in one round trip before the rest of the app has
 * loaded, so it overlaps with loading the code that paints them (PRODUCT: instant cold start).
 */
export function beginBoot(): void {
  pending = bridge['app:boot']({});
}

/** The boot answer, once; later callers ask the bridge themselves. */
export function takeBoot(): Promise<Boot> | null {
  const taken = pending;
  pending = null;
  return taken;
}
