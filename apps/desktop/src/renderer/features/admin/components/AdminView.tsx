import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditSection } from './AuditSection.js';
import { BansSection } from './BansSection.js';
import { BotSection } from './BotSection.js';
import { CannedSection } from './CannedSection.js';
import { EmailSection } from './EmailSection.js';
import { PrivacySection } from './PrivacySection.js';
import { RulesSection } from './RulesSection.js';
import { TeamsSection } from './TeamsSection.js';
import { UsersSection } from './UsersSection.js';
import { WidgetsSection } from './WidgetsSection.js';

const SECTIONS = {
  users: UsersSection,
  teams: TeamsSection,
  rules: RulesSection,
  canned: CannedSection,
  widgets: WidgetsSection,
  bot: BotSection,
  bans: BansSection,
  email: EmailSection,
  privacy: PrivacySection,
  audit: AuditSection,
} as const;
type Section = keyof typeof SECTIONS;

/** The admin area (admins only; the server checks every call too). */
export function AdminView() {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('users');
  const Body = SECTIONS[section];
  return (
    <div className="flex min-h-0 flex-1" data-testid="admin-view">
      <nav
        aria-label={t('admin.title')}
        className="w-48 shrink-0 border-r border-slate-200 p-3 dark:border-slate-700"
      >
        <h1 className="mb-2 px-2 text-lg font-semibold">{t('admin.title')}</h1>
        <ul className="space-y-0.5">
          {(Object.keys(SECTIONS) as Section[]).map((s) => (
            <li key={s}>
              <button
                type="button"
                data-testid={`admin-${s}`}
                aria-current={s === section ? 'page' : undefined}
                className={`w-full rounded px-2 py-1.5 text-left text-sm ${
                  s === section
                    ? 'bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300'
                    : 'hover:bg-slate-100 dark:hover:bg-slate-800'
                }`}
                onClick={() => setSection(s)}
              >
                {t(`admin.sections.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1 overflow-y-auto bg-slate-50 p-4 dark:bg-slate-950">
        <h2 className="mb-3 text-base font-semibold">{t(`admin.sections.${section}`)}</h2>
        <Body />
      </div>
    </div>
  );
}
