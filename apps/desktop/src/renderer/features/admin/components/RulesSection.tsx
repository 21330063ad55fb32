import type { RuleTestResult, Team } from '@switchboard/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, saved, useTeams } from '../actions.js';
import { type ConditionDraft, fromDraft, OPS, toDraft } from './conditions.js';
import { Card, dangerButton, Field, inputClass, primaryButton, secondaryButton, smallButton } from './ui.js';

interface RuleDraft {
  key: string;
  id?: string;
  name: string;
  teamId: string;
  priority: 'normal' | 'vip';
  weight: number;
  conditions: ConditionDraft[];
}

const FIELDS = ['pageUrl', 'language', 'tags', 'vip', 'custom.'];

function TestBox({ conditions }: { conditions: ConditionDraft[] }) {
  const { t } = useTranslation();
  const [attributes, setAttributes] = useState(
    '{\n  "pageUrl": "https://shop.example/billing",\n  "language": "en"\n}',
  );
  const [verified, setVerified] = useState(false);
  const [result, setResult] = useState<RuleTestResult | null>(null);
  const [bad, setBad] = useState(false);
  const run = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(attributes);
      setBad(false);
    } catch {
      setBad(true);
      return;
    }
    const next = await call('ruleTest', (c) =>
      c.rest('testRoutingRule', {
        body: { conditions: conditions.map(fromDraft), attributes: parsed as never, verified },
      }),
    );
    setResult(next);
  };
  return (
    <div className="mt-3 rounded-md bg-slate-50 p-3 dark:bg-slate-800/60" data-testid="rule-test">
      <p className="mb-2 text-xs font-semibold">{t('admin.rules.test')}</p>
      <Field label={t('admin.rules.attributes')}>
        <textarea
          className={`${inputClass} font-mono text-xs`}
          rows={4}
          value={attributes}
          onChange={(e) => setAttributes(e.target.value)}
        />
      </Field>
      {bad && <p className="text-xs text-red-600">{t('admin.rules.badJson')}</p>}
      <div className="mt-2 flex items-center gap-3">
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={verified} onChange={(e) => setVerified(e.target.checked)} />
          {t('admin.rules.verified')}
        </label>
        <button type="button" className={smallButton} onClick={() => void run()} data-testid="rule-test-run">
          {t('admin.rules.run')}
        </button>
      </div>
      {result && (
        <div className="mt-2 text-sm" data-testid="rule-test-result" data-matches={result.matches}>
          <p
            className={
              result.matches
                ? 'font-semibold text-emerald-700 dark:text-emerald-300'
                : 'font-semibold text-red-700 dark:text-red-300'
            }
          >
            {result.matches ? t('admin.rules.matches') : t('admin.rules.noMatch')}
          </p>
          <ul className="text-xs">
            {result.conditions.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions are positional
              <li key={i}>
                {conditions[i]?.field} {conditions[i]?.op} {conditions[i]?.value}:{' '}
                {c.holds ? t('admin.rules.holds') : t('admin.rules.fails')}
              </li>
            ))}
          </ul>
          <p className="text-xs text-slate-500">
            {result.savedRule
              ? t('admin.rules.savedRule', { name: result.savedRule.name })
              : t('admin.rules.noSavedRule')}
          </p>
        </div>
      )}
    </div>
  );
}

function RuleCard({
  rule,
  teams,
  onChange,
  onMove,
  onRemove,
}: {
  rule: RuleDraft;
  teams: Team[];
  onChange(next: RuleDraft): void;
  onMove(by: number): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const setCondition = (i: number, next: ConditionDraft) =>
    onChange({ ...rule, conditions: rule.conditions.map((c, j) => (j === i ? next : c)) });
  return (
    <Card testId="rule">
      <div className="grid grid-cols-[1fr_12rem_8rem_5rem_auto] items-end gap-2">
        <Field label={t('admin.rules.name')}>
          <input
            className={inputClass}
            value={rule.name}
            maxLength={100}
            onChange={(e) => onChange({ ...rule, name: e.target.value })}
          />
        </Field>
        <Field label={t('admin.rules.team')}>
          <select
            className={inputClass}
            value={rule.teamId}
            onChange={(e) => onChange({ ...rule, teamId: e.target.value })}
          >
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.rules.priority')}>
          <select
            className={inputClass}
            value={rule.priority}
            onChange={(e) => onChange({ ...rule, priority: e.target.value as 'normal' | 'vip' })}
          >
            <option value="normal">{t('admin.rules.priorities.normal')}</option>
            <option value="vip">{t('admin.rules.priorities.vip')}</option>
          </select>
        </Field>
        <Field label={t('admin.rules.weight')}>
          <input
            className={inputClass}
            type="number"
            min={1}
            max={5}
            value={rule.weight}
            onChange={(e) => onChange({ ...rule, weight: Number(e.target.value) })}
          />
        </Field>
        <div className="flex gap-1">
          <button
            type="button"
            className={smallButton}
            aria-label={t('admin.rules.up')}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className={smallButton}
            aria-label={t('admin.rules.down')}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" className={dangerButton} onClick={onRemove}>
            {t('admin.remove')}
          </button>
        </div>
      </div>
      <div className="mt-3 space-y-1.5">
        {rule.conditions.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions are positional
          <div key={i} className="grid grid-cols-[12rem_9rem_1fr_auto] gap-2" data-testid="condition">
            <input
              className={inputClass}
              list="rule-fields"
              aria-label={t('admin.rules.field')}
              value={c.field}
              onChange={(e) => setCondition(i, { ...c, field: e.target.value })}
            />
            <select
              className={inputClass}
              aria-label={t('admin.rules.op')}
              value={c.op}
              onChange={(e) => setCondition(i, { ...c, op: e.target.value as ConditionDraft['op'] })}
            >
              {OPS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
            <input
              className={inputClass}
              aria-label={t('admin.rules.value')}
              disabled={c.op === 'exists'}
              value={c.value}
              onChange={(e) => setCondition(i, { ...c, value: e.target.value })}
            />
            <button
              type="button"
              className={smallButton}
              disabled={rule.conditions.length === 1}
              onClick={() => onChange({ ...rule, conditions: rule.conditions.filter((_, j) => j !== i) })}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className={secondaryButton}
          onClick={() =>
            onChange({
              ...rule,
              conditions: [...rule.conditions, { field: 'pageUrl', op: 'contains', value: '' }],
            })
          }
        >
          + {t('admin.rules.addCondition')}
        </button>
      </div>
      <TestBox conditions={rule.conditions} />
    </Card>
  );
}

let nextKey = 0;

export function RulesSection() {
  const { t } = useTranslation();
  const [teams] = useTeams();
  const [rules, setRules] = useState<RuleDraft[]>([]);
  useEffect(() => {
    void call('rules', (c) => c.rest('getRoutingRules')).then((list) => {
      if (list)
        setRules(list.map((r) => ({ ...r, key: String(nextKey++), conditions: r.conditions.map(toDraft) })));
    });
  }, []);
  const save = async () => {
    const next = await call('rules', (c) =>
      c.rest('putRoutingRules', {
        body: {
          rules: rules.map(({ id, name, teamId, priority, weight, conditions }) => ({
            ...(id ? { id } : {}),
            name,
            teamId,
            priority,
            weight,
            conditions: conditions.map(fromDraft),
          })),
        },
      }),
    );
    if (!next) return;
    setRules(next.map((r) => ({ ...r, key: String(nextKey++), conditions: r.conditions.map(toDraft) })));
    saved(t('admin.saved'));
  };
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= rules.length) return;
    const next = [...rules];
    [next[i], next[j]] = [next[j] as RuleDraft, next[i] as RuleDraft];
    setRules(next);
  };
  return (
    <>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">{t('admin.rules.intro')}</p>
      <datalist id="rule-fields">
        {FIELDS.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      {rules.map((rule, i) => (
        <RuleCard
          key={rule.key}
          rule={rule}
          teams={teams}
          onChange={(next) => setRules(rules.map((r, j) => (j === i ? next : r)))}
          onMove={(by) => move(i, by)}
          onRemove={() => setRules(rules.filter((_, j) => j !== i))}
        />
      ))}
      <div className="flex gap-2">
        <button
          type="button"
          className={secondaryButton}
          data-testid="add-rule"
          onClick={() =>
            setRules([
              ...rules,
              {
                key: String(nextKey++),
                name: '',
                teamId: teams[0]?.id ?? '',
                priority: 'normal',
                weight: 1,
                conditions: [{ field: 'pageUrl', op: 'contains', value: '' }],
              },
            ])
          }
        >
          + {t('admin.rules.addRule')}
        </button>
        <button type="button" className={primaryButton} onClick={() => void save()}>
          {t('admin.save')}
        </button>
      </div>
    </>
  );
}
