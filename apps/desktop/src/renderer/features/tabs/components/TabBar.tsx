import { useTranslation } from 'react-i18next';
import { useConversations } from '../../conversations/store.js';
import { useTabs } from '../store.js';

export function TabBar() {
  const { t } = useTranslation();
  const open = useTabs((s) => s.open);
  const active = useTabs((s) => s.active);
  const activate = useTabs((s) => s.activate);
  const close = useTabs((s) => s.closeTab);
  const byId = useConversations((s) => s.byId);
  return (
    <div
      className="flex h-10 shrink-0 items-end gap-1 overflow-x-auto border-b border-slate-200 px-2 dark:border-slate-700"
      role="tablist"
      aria-label={t('chat.tabsLabel')}
    >
      {open.map((id, index) => {
        const cached = byId[id];
        const name = cached?.conversation.visitor.name ?? t('visitor.anonymous');
        const selected = id === active;
        return (
          <div
            key={id}
            data-testid="tab"
            data-conversation-id={id}
            className={`group flex max-w-52 items-center gap-1 rounded-t-md border border-b-0 px-2 py-1.5 text-sm ${
              selected
                ? 'border-slate-200 bg-white font-medium dark:border-slate-700 dark:bg-slate-900'
                : 'border-transparent bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300'
            }`}
          >
            <button
              type="button"
              role="tab"
              aria-selected={selected}
              onClick={() => activate(id)}
              className="flex min-w-0 items-center gap-1.5"
            >
              {index < 9 && <kbd className="text-[10px] text-slate-400">{index + 1}</kbd>}
              <span className="truncate">{name}</span>
              {!selected && (cached?.unread ?? 0) > 0 && (
                <span data-testid="tab-unread" className="h-2 w-2 shrink-0 rounded-full bg-indigo-600" />
              )}
            </button>
            <button
              type="button"
              aria-label={t('chat.closeTab', { name })}
              onClick={() => close(id)}
              className="rounded px-1 text-slate-400 hover:bg-slate-200 hover:text-slate-700 dark:hover:bg-slate-700"
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
