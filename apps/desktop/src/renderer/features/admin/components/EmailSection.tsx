import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { longDuration, megabytes } from '../../../ui/format.js';
import { call, saved, useLoaded } from '../actions.js';
import { Card, primaryButton } from './ui.js';

/** Where the server's email goes (its configuration, shown, never edited here) and a test send. */
export function EmailSection() {
  const { t } = useTranslation();
  const [status] = useLoaded('email', (c) => c.rest('emailStatus'));
  const [sending, setSending] = useState(false);
  if (!status) return null;
  const sendTest = async () => {
    setSending(true);
    const sent = await call('email', (c) => c.rest('sendTestEmail', { body: {} }));
    setSending(false);
    if (sent) saved(t('admin.email.testSent', sent));
  };
  if (status.destination === null) {
    return (
      <Card testId="email-status">
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('admin.email.off')}</p>
      </Card>
    );
  }
  return (
    <Card testId="email-status">
      <dl className="grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t('admin.email.destination')}</dt>
        <dd data-testid="email-destination">{status.destination}</dd>
        <dt className="text-slate-500">{t('admin.email.from')}</dt>
        <dd>{status.from}</dd>
        <dt className="text-slate-500">{t('admin.email.delay')}</dt>
        <dd>{t('admin.email.delayValue', { delay: longDuration(t, status.delaySeconds) })}</dd>
        <dt className="text-slate-500">{t('admin.email.files')}</dt>
        <dd data-testid="email-files">
          {status.attachmentMaxBytes > 0
            ? t('admin.email.filesValue', { megabytes: megabytes(status.attachmentMaxBytes) })
            : t('admin.email.filesNone')}
        </dd>
        <dt className="text-slate-500">{t('admin.email.replies')}</dt>
        <dd data-testid="email-replies">
          {status.repliesReturn
            ? t('admin.email.repliesReturn', { address: status.replyTo ?? status.from })
            : t('admin.email.repliesElsewhere')}
        </dd>
      </dl>
      <button
        type="button"
        className={`${primaryButton} mt-3`}
        disabled={sending}
        onClick={() => void sendTest()}
        data-testid="email-test"
      >
        {t('admin.email.test')}
      </button>
    </Card>
  );
}
