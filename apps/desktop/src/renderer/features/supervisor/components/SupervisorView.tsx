import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSupervisorWindow } from '../../../app/routes.js';
import { runtime } from '../../../app/runtime.js';
import { bridge } from '../../../host/bridge.js';
import { usePresence } from '../../status/store.js';
import { startFeed } from '../actions.js';
import { useSupervisor } from '../store.js';
import { AgentsTable } from './AgentsTable.js';
import { LiveChats } from './LiveChats.js';
import { MonitorPanel } from './MonitorPanel.js';
import { TeamTiles } from './TeamTiles.js';

/** Follows the live connection (created after login, replaced after a re-login) and runs the feed on it. */
function useFeed(): void {
  const reachable = usePresence((s) => s.reachable);
  const [connection, setConnection] = useState(runtime.connection);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a (re)connect is when a new connection may exist.
  useEffect(() => {
    if (runtime.connection !== connection) setConnection(runtime.connection);
  }, [reachable, connection]);
  useEffect(() => (connection ? startFeed(connection) : undefined), [connection]);
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mb-5">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      {children}
    </section>
  );
}

/** The supervisor view: team tiles, agents and live chats, pushed over the socket (no polling). */
export function SupervisorView() {
  const { t } = useTranslation();
  useFeed();
  const feed = useSupervisor((s) => s.feed);
  const monitored = useSupervisor((s) => s.monitored?.id ?? null);
  const tiles = useMemo(
    () => Object.values(feed?.teams ?? {}).sort((a, b) => a.name.localeCompare(b.name)),
    [feed?.teams],
  );
  const agents = useMemo(
    () =>
      Object.values(feed?.agents ?? {}).sort(
        (a, b) => Number(b.handRaised) - Number(a.handRaised) || a.name.localeCompare(b.name),
      ),
    [feed?.agents],
  );
  const chats = useMemo(
    () =>
      Object.values(feed?.chats ?? {}).sort((a, b) =>
        (a.queuedAt ?? a.assignedAt ?? '').localeCompare(b.queuedAt ?? b.assignedAt ?? ''),
      ),
    [feed?.chats],
  );
  const teamNames = useMemo(() => Object.fromEntries(tiles.map((tile) => [tile.teamId, tile.name])), [tiles]);

  return (
    <div className="flex min-h-0 flex-1" data-testid="supervisor-view">
      <div className="min-w-0 flex-1 overflow-y-auto p-4">
        <div className="mb-3 flex items-center gap-3">
          <h1 className="text-lg font-semibold">{t('supervisor.title')}</h1>
          {!isSupervisorWindow() && bridge.capabilities.tray && (
            <button
              type="button"
              data-testid="open-supervisor-window"
              className="ml-auto rounded px-2 py-1 text-sm text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
              onClick={() => void bridge['window:open-supervisor']({})}
            >
              {t('nav.openWindow')}
            </button>
          )}
        </div>
        {!feed ? (
          <p className="text-sm text-slate-500" data-testid="supervisor-connecting">
            {t('supervisor.connecting')}
          </p>
        ) : (
          <>
            <Section title={t('supervisor.teams')}>
              <TeamTiles tiles={tiles} at={feed.at} />
            </Section>
            <Section title={t('supervisor.agents')}>
              <AgentsTable agents={agents} chats={feed.chats} />
            </Section>
            <Section title={t('supervisor.chats')}>
              <LiveChats chats={chats} teamNames={teamNames} selected={monitored} />
            </Section>
          </>
        )}
      </div>
      <MonitorPanel />
    </div>
  );
}
