import type { TFunction } from 'i18next';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../../../app/session-controller.js';
import { bridge } from '../../../host/bridge.js';
import { type LoginHint, leaveLoginHint, takeLoginHint } from '../../../host/login-hint.js';
import { LockedNote } from '../../settings/components/LockedNote.js';
import { loadPolicy, useManaged } from '../../settings/managed-store.js';
import { useSettings } from '../../settings/store.js';
import { errorText } from '../../toasts/error-text.js';
import { LocalServerPanel } from './LocalServerPanel.js';

function pageOrigin(): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '';
}

/** Why the form comes with its server and email filled in, in a sentence or two. */
function hintText(t: TFunction, hint: LoginHint): string {
  switch (hint.reason) {
    case 'server-chosen':
      return t('login.serverChosen', { server: hint.serverUrl });
    case 'tab-copied':
      return t('login.tabCopied');
    case 'session-ended': {
      const why = t(`login.sessionEnded.${hint.ended ?? 'ended'}`);
      return hint.discarded ? `${why} ${t('login.discarded', { count: hint.discarded })}` : why;
    }
  }
}

export function LoginView() {
  const { t } = useTranslation();
  const [hint] = useState(takeLoginHint);
  // The organization's server (locked or suggested) > the last one used > this page's own.
  const remembered = useSettings((s) => s.settings.serverUrl);
  const [serverUrl, setServerUrl] = useState(() => hint?.serverUrl || remembered || pageOrigin());
  const locked = useManaged((s) => s.policy?.serverUrlLocked ?? false);
  useEffect(() => {
    void loadPolicy().then((policy) => {
      if (policy.serverUrl && (policy.serverUrlLocked || !remembered)) setServerUrl(policy.serverUrl);
    });
  }, [remembered]);
  const adoptLocalUrl = useCallback((url: string) => {
    if (!useManaged.getState().policy?.serverUrlLocked) setServerUrl(url);
  }, []);
  const [email, setEmail] = useState(hint?.email ?? '');
  const passwordField = useRef<HTMLInputElement>(null);
  // Server and email are known (a reload for a chosen server, or a copied tab): the password is what is left.
  useEffect(() => {
    if (hint) passwordField.current?.focus();
  }, [hint]);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /**
   * Makes the typed server the configured one. The app's page may only connect to servers its CSP
   * named when it loaded (SECURITY D3), so a new one costs a reload, done before the password is typed
   * when the server field is left. Returns the origin to sign in to, or null while reloading.
   */
  const chooseServer = async (): Promise<string | null> => {
    let url: string;
    try {
      url = new URL(serverUrl).origin;
    } catch {
      setError(t('login.badServerUrl'));
      return null;
    }
    try {
      const { reload } = await bridge['session:choose-server']({ serverUrl: url });
      // Only the app's own pages carry main's CSP; a browser page reaches its server already.
      if (reload && location.protocol === 'app:') {
        leaveLoginHint({ serverUrl: url, email, reason: 'server-chosen' });
        location.reload();
        return null;
      }
    } catch {
      setError(t('login.serverLocked'));
      return null;
    }
    return url;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const url = await chooseServer();
    if (!url) return setBusy(false);
    const result = await login(url, email.trim(), password);
    setBusy(false);
    if (!result.ok) setError(errorText(result.error));
  };

  const field =
    'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-800';
  return (
    <main className="flex h-full items-center justify-center bg-slate-100 dark:bg-slate-900">
      <div className="w-96 space-y-4 rounded-xl bg-white p-8 shadow-lg dark:bg-slate-800">
        <form onSubmit={submit} className="space-y-4" aria-label={t('login.title')}>
          <h1 className="text-lg font-semibold">{t('login.title')}</h1>
          {hint && (
            <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="login-hint">
              {hintText(t, hint)}
            </p>
          )}
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
              onBlur={() => {
                if (!locked && serverUrl) void chooseServer();
              }}
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
              ref={passwordField}
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
