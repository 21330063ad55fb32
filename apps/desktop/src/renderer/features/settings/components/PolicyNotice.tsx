import { useTranslation } from 'react-i18next';
import { useManaged } from '../managed-store.js';

/** Says that the organization manages settings, and lists the policy values the app ignored. */
export function PolicyNotice() {
  const { t } = useTranslation();
  const policy = useManaged((s) => s.policy);
  if (!policy || (policy.locked.length === 0 && policy.issues.length === 0)) return null;
  return (
    <div className="rounded-md bg-slate-100 p-2 text-xs dark:bg-slate-700" data-testid="policy-notice">
      {policy.locked.length > 0 && <p>{t('settings.managed')}</p>}
      {policy.issues.length > 0 && (
        <details>
          <summary>{t('settings.issues')}</summary>
          <ul className="list-disc pl-4">
            {policy.issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
