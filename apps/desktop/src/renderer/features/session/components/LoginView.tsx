import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../../../app/session-controller.js';
import { LockedNote } from '../../settings/components/LockedNote.js';
import { loadPolicy, useManaged } from '../../settings/managed-store.js';
import { useSettings } from '../../settings/store.js';
import { LocalServerPanel } from './LocalServerPanel.js';

function pageOrigin(): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '';
}

export function LoginView() {
  const { t } = useTranslation();
  // The organization's server (locked or suggested) > the last one used > this page's own.
  const remembered = useSettings((s) => s.settings.serverUrl);
  const [serverUrl, setServerUrl] = useState(() => remembered || pageOrigin());
  const locked = useManaged((s) => s.policy?.serverUrlLocked ?? false);
  useEffect(() => {
    void loadPolicy().then((policy) => {
      if (policy.serverUrl && (policy.serverUrlLocked || !remembered)) setServerUrl(policy.serverUrl);
    });
  }, [remembered]);
  const adoptLocalUrl = useCallback((url: string) => {
    if (!useManaged.getState().policy?.serverUrlLocked) setServerUrl(url);
  }, []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    let url: string;
    try {
      url = new URL(serverUrl).origin;
    } catch {
      setBusy(false);
      return setError(t('login.badServerUrl'));
    }
    const result = await login(url, email.trim(), password);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  };

  const field =
    'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-800';
  return (
    <main className="flex h-full items-center justify-center bg-slate-100 dark:bg-slate-900">
      <div className="w-96 space-y-4 rounded-xl bg-white p-8 shadow-lg dark:bg-slate-800">
        <form onSubmit={submit} className="space-y-4" aria-label={t('login.title')}>
          <h1 className="text-lg font-semibold">{t('login.title')}</h1>
          <label className="block space-y-1 text-sm">
            <span className="flex justify-between">
              {t('login.server')}
              {locked && <LockedNote />}
            </span>
            <input
              className={`${field} read-only:bg-slate-100 read-only:text-slate-500 dark:read-only:bg-slate-900`}
              name="server"
              type="url"
              required
              readOnly={locked}
              title={locked ? t('login.serverLocked') : undefined}
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
            />
          </label>
          <label className="block space-y-1 text-sm">
            <span>{t('login.email')}</span>
            <input
              className={field}
              name="email"
              type="email"
              required
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label className="block space-y-1 text-sm">
            <span>{t('login.password')}</span>
            <input
              className={field}
              name="password"
              type="password"
              required
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          )}
          <button
            type="submit"
            disabled={busy}
            className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
        <LocalServerPanel onUse={adoptLocalUrl} />
      </div>
    </main>
  );
}
