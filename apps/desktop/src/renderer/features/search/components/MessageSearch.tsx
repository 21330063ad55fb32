import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LatestOnly } from '../../../ui/latest-only.js';
import { usePresence } from '../../status/store.js';
import { searchMessages } from '../actions.js';
import { PERIOD_CHOICES, type PeriodChoice, type PeriodState, periodOf } from '../period.js';
import { useSearch } from '../store.js';

/** The box's element id: Mod+K focuses it (features/shortcuts). */
export const SEARCH_INPUT_ID = 'message-search';

/** One search box: the hits shown are those of the latest search, and none once it is cleared. */
const searches = new LatestOnly();
const clearSearch = () => {
  searches.cancel();
  useSearch.getState().clear();
};

/** Searches what the box holds now, in the period chosen (none while a custom range is backwards). */
async function run() {
  const { query, period } = useSearch.getState();
  const text = query.trim();
  if (text.length === 0) return clearSearch();
  const bounds = periodOf(period, new Date());
  if (bounds === null) return;
  useSearch.getState().start();
  await searches.run(
    () => searchMessages(text, bounds),
    (answer) => useSearch.getState().show(text, answer, bounds),
  );
}

/** A new period searches again at once when the box holds a search. */
function choosePeriod(period: PeriodState) {
  useSearch.getState().setPeriod(period);
  if (useSearch.getState().query.trim() !== '') void run();
}

const smallInput =
  'rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900';

/**
 * The search box above the conversation lists: Enter searches, Escape goes back to the lists.
 * Below it, the period searched: any time, today, the past week, 30 days or year, or a range of
 * days.
 */
export function MessageSearch() {
  const { t } = useTranslation();
  const query = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);
  const period = useSearch((s) => s.period);
  const backwards = periodOf(period, new Date()) === null;
  // Hits from this device's cache while the server was out of reach: asked again once it is back,
  // also when the cache's answer lands after the server came back (the search was on its way).
  const reachable = usePresence((s) => s.reachable);
  const offline = useSearch((s) => s.offline);
  useEffect(() => {
    if (reachable && offline) void run();
  }, [reachable, offline]);

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
      <div className="mt-1 space-y-1 text-xs text-slate-600 dark:text-slate-300">
        <select
          aria-label={t('search.period.label')}
          data-testid="search-period"
          value={period.choice}
          onChange={(event) => choosePeriod({ ...period, choice: event.target.value as PeriodChoice })}
          className={`${smallInput} w-full`}
        >
          {PERIOD_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`search.period.${choice}`)}
            </option>
          ))}
        </select>
        {period.choice === 'custom' && (
          <div className="flex items-center gap-1">
            <input
              type="date"
              aria-label={t('search.period.from')}
              data-testid="search-from"
              value={period.from}
              onChange={(event) => choosePeriod({ ...period, from: event.target.value })}
              className={`${smallInput} min-w-0 flex-1`}
            />
            <span aria-hidden="true">–</span>
            <input
              type="date"
              aria-label={t('search.period.to')}
              data-testid="search-to"
              value={period.to}
              onChange={(event) => choosePeriod({ ...period, to: event.target.value })}
              className={`${smallInput} min-w-0 flex-1`}
            />
          </div>
        )}
      </div>
      {backwards && (
        <p
          role="alert"
          data-testid="search-period-invalid"
          className="mt-1 text-xs text-red-700 dark:text-red-400"
        >
          {t('search.period.backwards')}
        </p>
      )}
    </form>
  );
}
