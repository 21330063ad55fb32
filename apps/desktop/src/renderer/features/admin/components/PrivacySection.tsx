import { useTranslation } from 'react-i18next';
import { dateTime } from '../../../ui/format.js';
import { useLoaded } from '../actions.js';
import { Card } from './ui.js';
import { VisitorLookup } from './VisitorLookup.js';

/**
 * What the server keeps and for how long (its configuration, shown, never edited here), the
 * erasures so far, and where an admin exports or erases one visitor's data.
 */
export function PrivacySection() {
  const { t } = useTranslation();
  const [status, reload] = useLoaded('privacy', (c) => c.rest('privacyStatus'));
  if (!status) return null;
  return (
    <>
      <Card testId="privacy-status">
        <dl className="grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">{t('admin.privacy.retention')}</dt>
          <dd data-testid="privacy-retention">
            {status.retentionDays === null
              ? t('admin.privacy.keptUntilErased')
              : t('admin.privacy.keptFor', { count: status.retentionDays })}
          </dd>
          <dt className="text-slate-500">{t('admin.privacy.erased')}</dt>
          <dd data-testid="privacy-erased">
            {status.lastErasedAt === null
              ? t('admin.privacy.noneErased')
              : t('admin.privacy.erasedSoFar', {
                  count: status.erasedConversations,
                  when: dateTime(status.lastErasedAt),
                })}
          </dd>
        </dl>
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">{t('admin.privacy.howTo')}</p>
      </Card>
      <VisitorLookup onErased={() => void reload()} />
    </>
  );
}
