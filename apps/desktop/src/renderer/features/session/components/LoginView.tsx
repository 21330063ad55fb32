import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../../../app/session-controller.js';

function defaultServerUrl(): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '';
}

export function LoginView() {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
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
      return setError('Server URL: http(s)://host[:port]');
    }
    const result = await login(url, email.trim(), password);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  };

  const field =
    'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-800';
  return (
    <main className="flex h-full items-center justify-center bg-slate-100 dark:bg-slate-900">
      <form
        onSubmit={submit}
        className="w-96 space-y-4 rounded-xl bg-white p-8 shadow-lg dark:bg-slate-800"
        aria-label={t('login.title')}
      >
        <h1 className="text-lg font-semibold">{t('login.title')}</h1>
        <label className="block space-y-1 text-sm">
          <span>{t('login.server')}</span>
          <input
            className={field}
            name="server"
            type="url"
            required
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
    </main>
  );
}
