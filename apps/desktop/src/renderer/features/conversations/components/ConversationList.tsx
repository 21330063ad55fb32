import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../ui/use-now.js';
import { openConversation } from '../../chat/actions.js';
import { MessageSearch } from '../../search/components/MessageSearch.js';
import { SearchResults } from '../../search/components/SearchResults.js';
import { useSearch } from '../../search/store.js';
import { useTabs } from '../../tabs/store.js';
import { useConversationList, useViewCounts } from '../hooks.js';
import { type ListView, useConversations } from '../store.js';
import { ConversationRow } from './ConversationRow.js';

const ROW_HEIGHT = 56;
const VIEWS: ListView[] = ['mine', 'queue', 'unassigned'];

export function ConversationList() {
  const { t } = useTranslation();
  const view = useConversations((s) => s.view);
  const setView = useConversations((s) => s.setView);
  const items = useConversationList(view);
  const counts = useViewCounts();
  const active = useTabs((s) => s.active);
  // Often enough that a reply wait turns amber at its minute, not up to 15 s late.
  const now = useNow(5_000);
  const showingSearch = useSearch((s) => s.hits !== null);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The first render already lays out a window's worth of rows; the real size follows.
    initialRect: { width: 320, height: window.innerHeight },
    getItemKey: (index) => items[index]?.conversation.id ?? index,
  });

  return (
    <nav
      className="flex h-full w-80 shrink-0 flex-col border-r border-slate-200 dark:border-slate-700"
      aria-label={t('lists.label')}
    >
      <MessageSearch />
      {showingSearch && <SearchResults />}
      <div
        className={`flex border-b border-slate-200 text-xs dark:border-slate-700 ${showingSearch ? 'hidden' : ''}`}
        role="tablist"
      >
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={v === view}
            data-testid={`view-${v}`}
            onClick={() => setView(v)}
            className={`flex-1 px-1 py-2 whitespace-nowrap ${v === view ? 'border-b-2 border-indigo-600 font-semibold' : 'text-slate-500'}`}
          >
            {t(`lists.${v}`)} <span className="text-slate-400">{counts[v]}</span>
          </button>
        ))}
      </div>
      <div
        ref={scroller}
        className={`min-h-0 flex-1 overflow-y-auto ${showingSearch ? 'hidden' : ''}`}
        data-testid="conversation-list"
      >
        {items.length === 0 && <p className="p-4 text-sm text-slate-500">{t('lists.empty')}</p>}
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <div
                key={row.key}
                className="absolute left-0 w-full"
                style={{ top: row.start, height: ROW_HEIGHT }}
              >
                <ConversationRow
                  item={item}
                  active={item.conversation.id === active}
                  now={now}
                  onOpen={() => void openConversation(item.conversation.id)}
                />
              </div>
            );
          })}
        </div>
      </div>
    </nav>
  );
}
