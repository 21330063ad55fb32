/**
 * The bridge's channel and push names as plain strings, for the preload: it bundles this file
 * only, never zod or the schemas. `bridge.ts` checks at compile time that the lists match its maps.
 */
export const CHANNEL_NAMES = [
  'app:boot',
  'session:load',
  'session:choose-server',
  'session:save',
  'session:clear',
  'cache:load',
  'cache:conversations',
  'cache:messages',
  'cache:put-conversations',
  'cache:put-messages',
  'cache:mark-read',
  'cache:search',
  'outbox:enqueue',
  'outbox:ack',
  'outbox:fail',
  'outbox:list',
  'drafts:save',
  'tabs:save',
  'notify:show',
  'notify:dismiss',
  'app:badge',
  'app:status',
  'settings:load',
  'settings:save',
  'policy:load',
  'updates:status',
  'updates:check',
  'updates:install',
  'local-server:status',
  'local-server:start',
  'local-server:stop',
  'app:open-external',
  'window:open-supervisor',
  'window:show-in-workbench',
] as const;

export const PUSH_NAMES = [
  'notification:clicked',
  'deep-link',
  'os:idle',
  'tray:status',
  'workbench:show-conversation',
] as const;
