import type { SlaFigure, TeamTile } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../ui/use-now.js';
import { longestWaitNow } from '../feed.js';
import { LEVEL_TEXT, LEVEL_TILE, percent, seconds } from '../format.js';

function Figure({
  label,
  value,
  testId,
  level = 'ok',
}: {
  label: string;
  value: string;
  testId?: string;
  level?: SlaFigure['level'];
}) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-[11px] text-slate-500 dark:text-slate-400">{label}</dt>
      <dd
        className={`text-sm font-semibold tabular-nums ${LEVEL_TEXT[level]}`}
        data-testid={testId}
        data-level={level}
      >
        {value}
      </dd>
    </div>
  );
}

/** One tile per team: queue, people, and today's SLA; amber/red from the levels in the feed. */
export function TeamTiles({ tiles, at }: { tiles: TeamTile[]; at: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  if (tiles.length === 0) return <p className="text-sm text-slate-500">{t('supervisor.none')}</p>;
  return (
    <div className="grid grid-cols-[repeat(auto-fill,minmax(21rem,1fr))] gap-3">
      {tiles.map((tile) => {
        const waitNow = longestWaitNow(tile, at, now);
        return (
          <section
            key={tile.teamId}
            data-testid="team-tile"
            data-team-id={tile.teamId}
            data-level={tile.level}
            aria-label={tile.name}
            className={`rounded-lg border p-3 ${LEVEL_TILE[tile.level]}`}
          >
            <header className="mb-2 flex items-baseline justify-between gap-2">
              <h3 className="truncate font-semibold">{tile.name}</h3>
              <span className={`text-xs font-medium ${LEVEL_TEXT[tile.level]}`}>
                {t(`supervisor.levels.${tile.level}`)}
              </span>
            </header>
            <dl className="grid grid-cols-3 gap-x-3 gap-y-2">
              <Figure label={t('supervisor.queue')} value={String(tile.queueLength)} testId="tile-queue" />
              <Figure
                label={t('supervisor.longestWait')}
                value={seconds(t, waitNow)}
                level={tile.longestWait.level}
                testId="tile-longest-wait"
              />
              <Figure label={t('supervisor.estimatedWait')} value={seconds(t, tile.estimatedWaitSeconds)} />
              <Figure
                label={t('supervisor.online')}
                value={String(tile.agents.online)}
                testId="tile-online"
              />
              <Figure label={t('supervisor.away')} value={String(tile.agents.away)} />
              <Figure label={t('supervisor.wrapUp')} value={String(tile.agents.wrapUp)} />
              <Figure
                label={t('supervisor.inProgress')}
                value={String(tile.chatsInProgress)}
                testId="tile-in-progress"
              />
            </dl>
            <p className="mt-2 mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
              {t('supervisor.today')}
            </p>
            <dl className="grid grid-cols-3 gap-x-3">
              <Figure
                label={t('supervisor.firstResponse')}
                value={seconds(t, tile.sla.firstResponseSeconds.value)}
                level={tile.sla.firstResponseSeconds.level}
              />
              <Figure
                label={t('supervisor.wait')}
                value={seconds(t, tile.sla.waitSeconds.value)}
                level={tile.sla.waitSeconds.level}
              />
              <Figure
                label={t('supervisor.abandoned')}
                value={percent(tile.sla.abandonedRate.value)}
                level={tile.sla.abandonedRate.level}
              />
            </dl>
          </section>
        );
      })}
    </div>
  );
}
