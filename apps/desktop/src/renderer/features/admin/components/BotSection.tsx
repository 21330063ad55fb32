import { BOT_VARIABLES, type BotEntry } from '@switchboard/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, saved, useTeams } from '../actions.js';
import { TemplateField } from './TemplateField.js';
import { Card, dangerButton, Field, inputClass, primaryButton, secondaryButton } from './ui.js';

interface Draft {
  keywords: string;
  answer: string;
}

const toDraft = (e: BotEntry): Draft => ({ keywords: e.keywords.join(', '), answer: e.answer });

export function BotSection() {
  const { t } = useTranslation();
  const [teams] = useTeams();
  const [teamId, setTeamId] = useState('');
  const [entries, setEntries] = useState<Draft[]>([]);
  // Whose answers `entries` hold: until the team's have come, nothing can be added or saved
  // (they would replace an answer added meanwhile, or be saved over).
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const team = teamId || teams[0]?.id || '';
  const ready = team !== '' && loadedFor === team;
  const show = (list: BotEntry[]) => setEntries(list.map(toDraft));
  useEffect(() => {
    if (!team) return;
    let current = true;
    void call('bot', (c) => c.rest('getBotEntries', { params: { teamId: team } })).then((list) => {
      if (!list || !current) return;
      setEntries(list.map(toDraft));
      setLoadedFor(team);
    });
    return () => {
      current = false;
    };
  }, [team]);
  const save = async () => {
    const body = {
      entries: entries.map((e) => ({
        keywords: e.keywords
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
        answer: e.answer.trim(),
      })),
    };
    const next = await call('bot', (c) => c.rest('putBotEntries', { params: { teamId: team }, body }));
    if (next) {
      show(next);
      saved(t('admin.saved'));
    }
  };
  return (
    <>
      <Field label={t('admin.bot.team')} className="mb-3 max-w-xs">
        <select className={inputClass} value={team} onChange={(e) => setTeamId(e.target.value)}>
          {teams.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </Field>
      {entries.map((entry, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries are positional until saved
        <Card key={i}>
          <div className="grid grid-cols-[1fr_2fr_auto] items-start gap-2">
            <Field label={t('admin.bot.keywords')}>
              <input
                className={inputClass}
                value={entry.keywords}
                onChange={(e) =>
                  setEntries(entries.map((x, j) => (j === i ? { ...x, keywords: e.target.value } : x)))
                }
              />
            </Field>
            <TemplateField
              label={t('admin.bot.answer')}
              value={entry.answer}
              onChange={(answer) => setEntries(entries.map((x, j) => (j === i ? { ...x, answer } : x)))}
              variables={BOT_VARIABLES}
              hint={(list, example) => t('admin.bot.placeholders', { list, example })}
              refusal={(names) => t('admin.bot.unknownPlaceholder', { names })}
              maxLength={2000}
              testId="bot-answer"
            />
            <button
              type="button"
              className={`${dangerButton} mt-5`}
              onClick={() => setEntries(entries.filter((_, j) => j !== i))}
            >
              {t('admin.remove')}
            </button>
          </div>
        </Card>
      ))}
      <div className="flex gap-2">
        <button
          type="button"
          className={secondaryButton}
          disabled={!ready}
          onClick={() => setEntries([...entries, { keywords: '', answer: '' }])}
        >
          + {t('admin.bot.add')}
        </button>
        <button type="button" className={primaryButton} disabled={!ready} onClick={() => void save()}>
          {t('admin.save')}
        </button>
      </div>
    </>
  );
}
