import type { AdminWidget, PageTracking, WidgetSettings } from '@switchboard/protocol';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, saved, useLoaded, useTeams } from '../actions.js';
import { fromWidgetDraft, toWidgetDraft, type WidgetDraft } from '../widget-draft.js';
import { EmbedCode } from './EmbedCode.js';
import { NewWidgetForm } from './NewWidgetForm.js';
import { PreChatFieldsEditor } from './PreChatFieldsEditor.js';
import { Card, dangerButton, Field, inputClass, OneTime, primaryButton, TeamOptions } from './ui.js';

function WidgetForm({
  widget,
  createdSecret,
  onSaved,
}: {
  widget: AdminWidget;
  /** Just added: its identity secret, shown this once. */
  createdSecret?: string | undefined;
  onSaved(next: AdminWidget): void;
}) {
  const { t } = useTranslation();
  const [teams] = useTeams();
  const [draft, setDraft] = useState(() => toWidgetDraft(widget));
  const { name, teamId, settings, origins, identityMode, pageTracking, typingPreview, fields } = draft;
  const pageTrackingHint = useId();
  const typingPreviewHint = useId();
  const [secret, setSecret] = useState<string | null>(createdSecret ?? null);
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (createdSecret) card.current?.scrollIntoView({ block: 'start' });
  }, [createdSecret]);
  const edit = (change: Partial<WidgetDraft>) => setDraft((current) => ({ ...current, ...change }));
  const set = <K extends keyof WidgetSettings>(key: K, value: WidgetSettings[K]) =>
    edit({ settings: { ...settings, [key]: value } });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = await call('widget', (c) =>
      c.rest('updateWidget', { params: { widgetId: widget.id }, body: fromWidgetDraft(draft) }),
    );
    if (next) {
      // The widget as the server kept it (a name trimmed, a field an older server does not keep),
      // not as the admin typed it.
      setDraft(toWidgetDraft(next));
      onSaved(next);
      saved(t('admin.saved'));
    }
  };
  const rotate = async () => {
    if (!window.confirm(t('admin.widgets.confirmRotate'))) return;
    const next = await call('widget', (c) =>
      c.rest('rotateWidgetSecret', { params: { widgetId: widget.id }, body: {} }),
    );
    if (next) setSecret(next.secret);
  };
  return (
    <Card title={widget.name} testId="widget-form" ref={card}>
      {secret && (
        <OneTime
          label={t(createdSecret === secret ? 'admin.widgets.createdSecret' : 'admin.widgets.secret')}
          value={secret}
          dismiss={t('admin.users.dismiss')}
          onDismiss={() => setSecret(null)}
        />
      )}
      <form onSubmit={submit} className="space-y-3">
        <EmbedCode widgetId={widget.id} />
        <div className="grid grid-cols-4 gap-3">
          <Field label={t('admin.widgets.name')}>
            <input
              className={inputClass}
              required
              maxLength={120}
              value={name}
              onChange={(e) => edit({ name: e.target.value })}
            />
          </Field>
          <Field label={t('admin.widgets.team')}>
            <select className={inputClass} value={teamId} onChange={(e) => edit({ teamId: e.target.value })}>
              <TeamOptions teams={teams} />
            </select>
          </Field>
          <Field label={t('admin.widgets.color')}>
            <input
              className={`${inputClass} h-8 p-0.5`}
              type="color"
              value={settings.primaryColor}
              onChange={(e) => set('primaryColor', e.target.value)}
            />
          </Field>
          <Field label={t('admin.widgets.position')}>
            <select
              className={inputClass}
              value={settings.position}
              onChange={(e) => set('position', e.target.value as 'left' | 'right')}
            >
              <option value="right">{t('admin.widgets.positions.right')}</option>
              <option value="left">{t('admin.widgets.positions.left')}</option>
            </select>
          </Field>
          <Field label={t('admin.widgets.greeting')} className="col-span-2">
            <input
              className={inputClass}
              required
              maxLength={500}
              value={settings.greeting.en}
              onChange={(e) => set('greeting', { ...settings.greeting, en: e.target.value })}
            />
          </Field>
          <Field label={t('admin.widgets.greetingZh')} className="col-span-2">
            <input
              className={inputClass}
              maxLength={500}
              value={settings.greeting['zh-CN'] ?? ''}
              onChange={(e) => {
                const { 'zh-CN': _old, ...rest } = settings.greeting;
                set('greeting', e.target.value ? { ...rest, 'zh-CN': e.target.value } : rest);
              }}
            />
          </Field>
          <Field label={t('admin.widgets.locale')}>
            <select
              className={inputClass}
              value={settings.defaultLocale}
              onChange={(e) => set('defaultLocale', e.target.value as 'en' | 'zh-CN')}
            >
              <option value="en">English</option>
              <option value="zh-CN">简体中文</option>
            </select>
          </Field>
          <Field label={t('admin.widgets.identity')}>
            <select
              className={inputClass}
              value={identityMode}
              onChange={(e) => edit({ identityMode: e.target.value as 'optional' | 'enforce' })}
            >
              <option value="optional">{t('admin.widgets.identityModes.optional')}</option>
              <option value="enforce">{t('admin.widgets.identityModes.enforce')}</option>
            </select>
          </Field>
          <label className="col-span-2 flex items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              checked={settings.transcriptEnabled}
              onChange={(e) => set('transcriptEnabled', e.target.checked)}
            />
            {t('admin.widgets.transcript')}
          </label>
          <div className="col-span-2 space-y-1">
            <Field label={t('admin.widgets.pageTracking')}>
              <select
                className={inputClass}
                value={pageTracking}
                aria-describedby={pageTrackingHint}
                onChange={(e) => edit({ pageTracking: e.target.value as PageTracking })}
              >
                <option value="full">{t('admin.widgets.pageTrackingModes.full')}</option>
                <option value="path">{t('admin.widgets.pageTrackingModes.path')}</option>
                <option value="off">{t('admin.widgets.pageTrackingModes.off')}</option>
              </select>
            </Field>
            <p id={pageTrackingHint} className="text-xs text-slate-500 dark:text-slate-400">
              {t('admin.widgets.pageTrackingHint')}
            </p>
          </div>
          <div className="col-span-2 space-y-1 self-end">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={typingPreview}
                aria-describedby={typingPreviewHint}
                onChange={(e) => edit({ typingPreview: e.target.checked })}
              />
              {t('admin.widgets.typingPreview')}
            </label>
            <p id={typingPreviewHint} className="text-xs text-slate-500 dark:text-slate-400">
              {t('admin.widgets.typingPreviewHint')}
            </p>
          </div>
          <Field label={t('admin.widgets.origins')} className="col-span-4">
            <textarea
              className={`${inputClass} font-mono text-xs`}
              rows={3}
              value={origins}
              onChange={(e) => edit({ origins: e.target.value })}
            />
          </Field>
        </div>
        <PreChatFieldsEditor fields={fields} onChange={(next) => edit({ fields: next })} />
        <div className="flex justify-between">
          <button type="submit" className={primaryButton}>
            {t('admin.save')}
          </button>
          <button type="button" className={dangerButton} onClick={() => void rotate()}>
            {t('admin.widgets.rotate')}
          </button>
        </div>
      </form>
    </Card>
  );
}

export function WidgetsSection() {
  const [widgets, , setWidgets] = useLoaded('widgets', (c) => c.rest('listWidgets'));
  const [created, setCreated] = useState<{ widgetId: string; secret: string } | null>(null);
  return (
    <>
      <NewWidgetForm
        onCreated={({ widget, secret }) => {
          setWidgets([...(widgets ?? []), widget]);
          setCreated({ widgetId: widget.id, secret });
        }}
      />
      {(widgets ?? []).map((w) => (
        <WidgetForm
          key={w.id}
          widget={w}
          createdSecret={created?.widgetId === w.id ? created.secret : undefined}
          onSaved={(next) => setWidgets((widgets ?? []).map((x) => (x.id === next.id ? next : x)))}
        />
      ))}
    </>
  );
}
