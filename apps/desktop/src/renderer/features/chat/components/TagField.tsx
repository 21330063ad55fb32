import type { TagSuggestion } from '@switchboard/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runtime } from '../../../app/runtime.js';
import { inputClass } from '../../../ui/Dialog.js';
import { tagList, withTag } from '../tag-list.js';

/** How many of the team's tags are offered at once. */
const OFFERED = 12;

/**
 * A chat's tags as comma-separated text, with the team's tags of late offered as buttons that add
 * one, so that chats about the same thing are tagged alike.
 */
export function TagField({ value, onChange }: { value: string; onChange(next: string): void }) {
  const { t } = useTranslation();
  const [suggested, setSuggested] = useState<TagSuggestion[]>([]);
  useEffect(() => {
    void runtime.connection?.rest('tagSuggestions').then((result) => {
      if (result.ok) setSuggested(result.data);
    });
  }, []);
  const typed = new Set(tagList(value).map((tag) => tag.toLowerCase()));
  const offered = suggested.filter((s) => !typed.has(s.tag.toLowerCase())).slice(0, OFFERED);
  return (
    <>
      <label className="block space-y-1 text-sm">
        <span>{t('resolveDialog.tags')}</span>
        <input
          className={inputClass}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={t('resolveDialog.tagsExample')}
        />
      </label>
      {offered.length > 0 && (
        <div className="flex flex-wrap items-center gap-1 text-xs" data-testid="tag-suggestions">
          <span className="text-slate-500 dark:text-slate-400">{t('resolveDialog.suggested')}</span>
          {offered.map((s) => (
            <button
              key={s.tag}
              type="button"
              className="rounded-full border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              title={t('resolveDialog.suggestedCount', { count: s.count })}
              onClick={() => onChange(withTag(value, s.tag))}
            >
              {s.tag}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
