import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/cache-schemas.js';
import { useSession } from '../../session/store.js';
import { loadOlderMessages } from '../actions.js';
import { eventLine } from '../event-line.js';
import { type Reveal, useChat } from '../store.js';
import { timelineItems } from '../timeline-items.js';
import { MessageBubble } from './MessageBubble.js';

const NO_PENDING: OutboxItem[] = [];
const ESTIMATED_ROW_PX = 64;
/** Rows from the top of the loaded history at which the next older page is read. */
const OLDER_PAGE_MARGIN = 20;
/** Pixels from the end within which the agent is reading the newest messages (followed). */
const AT_END_PX = 80;
/** How long a message brought into view (a search hit) stays highlighted. */
const HIGHLIGHT_MS = 6000;

/** The virtualizer mounts once the cached messages are in, so its first render is the newest ones. */
export function Timeline({ conversationId }: { conversationId: string }) {
  const loaded = useChat((s) => s.messages[conversationId] !== undefined);
  if (!loaded) return <div className="min-h-0 flex-1 px-4" data-testid="timeline" aria-busy="true" />;
  return <LoadedTimeline conversationId={conversationId} />;
}

function LoadedTimeline({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.user?.id);
  const messages = useChat((s) => s.messages[conversationId]);
  const events = useChat((s) => s.events[conversationId]);
  const outbox = useChat((s) => s.outbox);
  const visitorRead = useChat((s) => s.visitorRead[conversationId] ?? 0);
  const pending = useMemo(() => {
    const list = Object.values(outbox).filter((i) => i.conversationId === conversationId);
    return list.length ? list : NO_PENDING;
  }, [outbox, conversationId]);
  const items = useMemo(
    () => timelineItems(messages ?? [], events ?? [], pending),
    [messages, events, pending],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 10,
    getItemKey: (index) => items[index]?.key ?? index,
    // A chat reads from the bottom: open there, keep the message in view still when older history
    // loads above it, and follow new messages only while the agent is at the newest one.
    initialOffset: () => items.length * ESTIMATED_ROW_PX,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
  });

  // Away from the end (reading back, or at a search hit): the newest seq when the agent left it,
  // for a way back that says what came meanwhile; null while they are at the end.
  const newestSeq = messages?.at(-1)?.seq ?? 0;
  const [leftAt, setLeftAt] = useState<number | null>(null);
  const newBelow = leftAt === null ? 0 : (messages ?? []).filter((m) => m.seq > leftAt).length;

  // At the end before a change, at the end after it (also the first messages of a chat opened
  // empty). The virtualizer follows only when the last row changes: a visitor's message landing
  // above the agent's reply still sending (the outbox's rows come last) would push the view a row
  // up, and the reply's ack (the same row count) would not bring it back. Scroll events come after
  // layout, so `leftAt` is still what it was before the change.
  const lastMessage = items.findLast((item) => item.kind === 'message')?.key;
  const following = leftAt === null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when rows come or the newest message changes, not when the agent scrolls
  useLayoutEffect(() => {
    if (following) virtualizer.scrollToEnd();
  }, [items.length, lastMessage, virtualizer]);

  // Near the top of what is loaded: read the next older page from the cache. The end anchor keeps
  // the message being read where it is when the page lands above it.
  const firstShown = virtualizer.range?.startIndex ?? Number.POSITIVE_INFINITY;
  const nearTop = firstShown < OLDER_PAGE_MARGIN;
  const hasOlder = useChat((s) => s.olderCached[conversationId] ?? false);
  useEffect(() => {
    if (nearTop && hasOlder) void loadOlderMessages(conversationId);
  }, [nearTop, hasOlder, conversationId]);

  // The agent's own message: always into view, even when reading older history.
  const last = items.at(-1);
  const lastIsOwnPending = last?.kind === 'pending';
  const lastKey = last?.key;
  useLayoutEffect(() => {
    if (lastIsOwnPending && lastKey !== undefined) virtualizer.scrollToEnd();
  }, [lastIsOwnPending, lastKey, virtualizer]);

  // A search hit's message: into the middle of the view, highlighted for a moment.
  const revealing = useChat((s) => (s.revealing?.conversationId === conversationId ? s.revealing : null));
  const [highlighted, setHighlighted] = useState<Reveal | null>(null);
  useLayoutEffect(() => {
    if (revealing === null) return;
    const index = items.findIndex((item) => item.kind === 'message' && item.message.seq === revealing.seq);
    if (index >= 0) {
      virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlighted(revealing);
    }
    useChat.getState().reveal(null);
  }, [revealing, items, virtualizer]);
  useEffect(() => {
    if (highlighted === null) return;
    const timer = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlighted]);

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scroller}
        className="min-h-0 flex-1 overflow-y-auto px-4"
        data-testid="timeline"
        onScroll={(event) => {
          const el = event.currentTarget;
          const atEnd = el.scrollHeight - el.clientHeight - el.scrollTop <= AT_END_PX;
          setLeftAt((left) => (atEnd ? null : (left ?? newestSeq)));
        }}
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            if (!item) return null;
            const seq = item.kind === 'message' ? item.message.seq : undefined;
            const lit = seq !== undefined && seq === highlighted?.seq;
            return (
              <div
                key={row.key}
                data-index={row.index}
                data-seq={seq}
                data-highlighted={lit || undefined}
                ref={virtualizer.measureElement}
                className={`absolute left-0 w-full rounded-lg transition-colors duration-700 ${lit ? 'bg-amber-100/70 dark:bg-amber-900/30' : ''}`}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                {item.kind === 'message' && (
                  <MessageBubble
                    message={item.message}
                    mine={item.message.sender.kind === 'agent' && item.message.sender.id === me}
                    readByVisitor={item.message.seq <= visitorRead}
                    marks={lit ? highlighted?.words : undefined}
                  />
                )}
                {item.kind === 'pending' && <MessageBubble pending={item.item} mine readByVisitor={false} />}
                {item.kind === 'event' && (
                  <p className="py-1 text-center text-xs text-slate-500" data-testid="timeline-event">
                    {eventLine(t, item.entry)}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {leftAt !== null && (
        <button
          type="button"
          data-testid="jump-to-newest"
          onClick={() => virtualizer.scrollToEnd()}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-indigo-600 px-3 py-1 text-xs font-medium text-white shadow-md hover:bg-indigo-700"
        >
          ↓ {newBelow > 0 ? t('chat.newBelow', { count: newBelow }) : t('chat.jumpToNewest')}
        </button>
      )}
    </div>
  );
}
