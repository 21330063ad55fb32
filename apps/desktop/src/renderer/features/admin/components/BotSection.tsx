import { BOT_VARIABLES, type BotEntry, unknownPlaceholders } from '@switchboard/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, saved, useTeams } from '../actions.js';
import { Card, dangerButton, Field, inputClass, primaryButton, secondaryButton } from './ui.js';

interface Draft {
  keywords: string;
  answer: string;
}

const toDraft = (e: BotEntry): Draft => ({ keywords: e.keywords.join(', '), answer: e.answer });
const PLACEHOLDERS = BOT_VARIABLES.map((name) => `{{${name}}}`).join(', ');
const PLACEHOLDER_EXAMPLE = '{{visitor.firstName | there}}';

/** One answer's text, with the placeholders it may use, or those it may not (the server refuses them too). */
function AnswerField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const unknown = unknownPlaceholders(value, BOT_VARIABLES);
  return (
    <div className="space-y-1">
      <Field label={t('admin.bot.answer')}>
        <textarea
          className={inputClass}
          rows={2}
          maxLength={2000}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={unknown.length > 0}
          aria-describedby={hintId}
          data-testid="bot-answer"
        />
      </Field>
      {unknown.length > 0 ? (
        <p id={hintId} className="text-xs text-red-700 dark:text-red-400" role="alert">
          {t('admin.bot.unknownPlaceholder', { names: unknown.join(', ') })}
        </p>
      ) : (
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          {t('admin.bot.placeholders', { list: PLACEHOLDERS, example: PLACEHOLDER_EXAMPLE })}
        </p>
      )}
    </div>
  );
}

export function BotSection() {
  const { t } = useTranslation();
  const [teams] = useTeams();
  const [teamId, setTeamId] = useState('');
  const [entries, setEntries] = useState<Draft[]>([]);
  const team = teamId || teams[0]?.id || '';
  const show = (list: BotEntry[]) => setEntries(list.map(toDraft));
  useEffect(() => {
    if (!team) return;
    void call('bot', (c) => c.rest('getBotEntries', { params: { teamId: team } })).then(
      (list) => list && setEntries(list.map(toDraft)),
    );
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
            <AnswerField
              value={entry.answer}
              onChange={(answer) => setEntries(entries.map((x, j) => (j === i ? { ...x, answer } : x)))}
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
          onClick={() => setEntries([...entries, { keywords: '', answer: '' }])}
        >
          + {t('admin.bot.add')}
        </button>
        <button type="button" className={primaryButton} disabled={!team} onClick={() => void save()}>
          {t('admin.save')}
        </button>
      </div>
    </>
  );
}
