import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../../../app/session-controller.js';
import { errorText as requestErrorText } from '../../toasts/error-text.js';
import { loadLocalServer, startLocalServer, stopLocalServer, useLocalServer } from '../local-server.js';

const field =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-800';
const linkButton = 'text-sm text-indigo-600 hover:underline disabled:text-slate-400 disabled:no-underline';

/**
 * "Run the server on this computer" (PRODUCT: a one-install contact center for a small shop).
 * Hidden where no server can run (browser), disabled when managed policy forbids it.
 */
export function LocalServerPanel({ onUse }: { onUse(url: string): void }) {
  const { t } = useTranslation();
  const { status, error } = useLocalServer();
  const [open, setOpen] = useState(false);
  const [admin, setAdmin] = useState({ name: '', email: '', password: '', confirm: '' });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void loadLocalServer();
  }, []);
  useEffect(() => {
    if (status?.state === 'running' && status.url) onUse(status.url);
  }, [status?.state, status?.url, onUse]);

  if (!status || status.availability === 'unavailable') return null;
  if (status.availability === 'forbidden-by-policy') {
    return (
      <div className="space-y-1 border-t border-slate-200 pt-3 dark:border-slate-700">
        <button type="button" className={linkButton} disabled data-testid="local-server-action">
          {t('localServer.action')}
        </button>
        <p className="text-xs text-slate-500" data-testid="local-server-forbidden">
          {t('localServer.forbidden')}
        </p>
      </div>
    );
  }

  const errorText = error
    ? error.code === 'failed'
      ? t('localServer.errors.failed', { message: error.message })
      : t(`localServer.errors.${error.code}`)
    : problem;
  const starting = status.state === 'starting';

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (admin.password !== admin.confirm) return setProblem(t('localServer.mismatch'));
    setProblem(null);
    const firstAdmin = { name: admin.name.trim(), email: admin.email.trim(), password: admin.password };
    const url = await startLocalServer(firstAdmin);
    if (!url) return;
    const result = await login(url, firstAdmin.email, firstAdmin.password);
    if (!result.ok) setProblem(requestErrorText(result.error));
  };

  return (
    <section
      className="space-y-3 border-t border-slate-200 pt-3 text-sm dark:border-slate-700"
      data-testid="local-server"
    >
      {status.state === 'running' ? (
        <p className="flex items-center justify-between gap-2">
          <span>{t('localServer.running', { url: status.url })}</span>
          <button type="button" className={linkButton} onClick={() => void stopLocalServer()}>
            {t('localServer.stop')}
          </button>
        </p>
      ) : !open ? (
        <button
          type="button"
          className={linkButton}
          onClick={() => setOpen(true)}
          data-testid="local-server-action"
        >
          {t('localServer.action')}
        </button>
      ) : status.initialized ? (
        <button
          type="button"
          className={linkButton}
          disabled={starting}
          onClick={() => void startLocalServer(null)}
        >
          {starting ? t('localServer.starting') : t('localServer.start')}
        </button>
      ) : (
        <form className="space-y-2" onSubmit={create} aria-label={t('localServer.action')}>
          <p className="text-xs text-slate-600 dark:text-slate-300">{t('localServer.intro')}</p>
          {(['name', 'email', 'password', 'confirm'] as const).map((key) => (
            <label key={key} className="block space-y-1">
              <span>{t(`localServer.${key}`)}</span>
              <input
                className={field}
                name={`admin-${key}`}
                type={key === 'email' ? 'email' : key === 'name' ? 'text' : 'password'}
                autoComplete={key === 'email' ? 'username' : key === 'name' ? 'name' : 'new-password'}
                required
                minLength={key === 'password' || key === 'confirm' ? 10 : 1}
                value={admin[key]}
                onChange={(e) => setAdmin({ ...admin, [key]: e.target.value })}
              />
            </label>
          ))}
          <div className="flex justify-between">
            <button
              type="submit"
              disabled={starting}
              className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
            >
              {starting ? t('localServer.starting') : t('localServer.create')}
            </button>
            <button type="button" className={linkButton} onClick={() => setOpen(false)}>
              {t('localServer.cancel')}
            </button>
          </div>
        </form>
      )}
      {errorText && (
        <p role="alert" className="text-sm text-red-600">
          {errorText}
        </p>
      )}
    </section>
  );
}
