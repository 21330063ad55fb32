import type { UpdatesOffReason } from '../../../shared/managed.js';
import type { UpdateChannel } from '../../../shared/settings.js';
import type { EffectiveConfig } from '../policy/effective-config.js';
import type { InstallKind } from './install-kind.js';

export type UpdateDecision =
  | { check: true; feedUrl: string; channel: UpdateChannel }
  | { check: false; reason: UpdatesOffReason };

const UPDATABLE: ReadonlySet<InstallKind> = new Set(['nsis', 'mac', 'appimage']);

export interface DecisionInput {
  kind: InstallKind;
  config: Pick<EffectiveConfig, 'autoUpdate' | 'updateChannel' | 'updateFeedUrl'>;
  /** Whether a policy fixed autoUpdate (so "off" is the organization's, not the user's). */
  autoUpdateLocked: boolean;
  /** The feed baked in at build time (resources/app-update.yml), if any. */
  buildFeedUrl: string | null;
}

/** Whether this app may look for updates at all, and where. Pure: tests cover every branch. */
export function decideUpdates(input: DecisionInput): UpdateDecision {
  if (input.kind === 'development') return { check: false, reason: 'not-packaged' };
  if (!UPDATABLE.has(input.kind)) return { check: false, reason: 'managed-install' };
  if (!input.config.autoUpdate) {
    return { check: false, reason: input.autoUpdateLocked ? 'disabled-by-policy' : 'disabled-by-user' };
  }
  const feedUrl = input.config.updateFeedUrl ?? input.buildFeedUrl;
  if (!feedUrl || isPlaceholder(feedUrl)) return { check: false, reason: 'no-feed' };
  return { check: true, feedUrl, channel: input.config.updateChannel };
}

/** Builds made without SWITCHBOARD_UPDATE_URL carry the reserved `.invalid` host (RFC 2606). */
function isPlaceholder(feedUrl: string): boolean {
  try {
    return new URL(feedUrl).hostname.endsWith('.invalid');
  } catch {
    return true;
  }
}
