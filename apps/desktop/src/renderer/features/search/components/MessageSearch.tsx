import { useTranslation } from 'react-i18next';
import { LatestOnly } from '../../../ui/latest-only.js';
import { searchMessages } from '../actions.js';
import { useSearch } from '../store.js';

/** The box's element id: Mod+K focuses it (features/shortcuts). */
export const SEARCH_INPUT_ID = 'message-search';

/** One search box: the hits shown are those of the latest search, and none once it is cleared. */
const searches = new LatestOnly();
const clearSearch = () => {
  searches.cancel();
  useSearch.getState().clear();
};

/** The search box above the conversation lists: Enter searches, Escape goes back to the lists. */
export function MessageSearch() {
  const { t } = useTranslation();
  const query = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);

  const run = async () => {
    const text = query.trim();
    if (text.length === 0) return clearSearch();
    useSearch.getState().start();
    await searches.run(
      () => searchMessages(text),
      (answer) => useSearch.getState().show(text, answer),
    );
  };

  return (
    <form
      className="border-b border-slate-200 p-2 dark:border-slate-700"
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
    >
      <input
        type="search"
        id={SEARCH_INPUT_ID}
        value={query}
        maxLength={200}
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        data-testid="search-input"
        onChange={(event) => {
          setQuery(event.target.value);
          if (event.target.value === '') clearSearch();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') clearSearch();
        }}
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
      />
    </form>
  );
}
