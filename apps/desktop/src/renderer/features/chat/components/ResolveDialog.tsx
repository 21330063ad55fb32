import type { TagSuggestion } from '@switchboard/protocol';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runtime } from '../../../app/runtime.js';
import { Dialog, inputClass, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { useTabs } from '../../tabs/store.js';
import { resolve } from '../actions.js';
import { tagList, withTag } from '../tag-list.js';

/** How many of the team's tags are offered at once. */
const OFFERED = 12;

export function ResolveDialog({ conversationId, onClose }: { conversationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  // The team's tags of late, so that a chat about refunds is tagged as the others were.
  const [suggested, setSuggested] = useState<TagSuggestion[]>([]);
  useEffect(() => {
    void runtime.connection?.rest('tagSuggestions').then((result) => {
      if (result.ok) setSuggested(result.data);
    });
  }, []);
  const typed = new Set(tagList(tags).map((tag) => tag.toLowerCase()));
  const offered = suggested.filter((s) => !typed.has(s.tag.toLowerCase())).slice(0, OFFERED);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = tagList(tags);
    const done = await resolve({
      conversationId,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(list.length ? { tags: list } : {}),
    });
    if (done) {
      useTabs.getState().closeTab(conversationId);
      onClose();
    }
  };
  return (
    <Dialog title={t('resolveDialog.title')} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3">
        <label className="block space-y-1 text-sm">
          <span>{t('resolveDialog.tags')}</span>
          <input
            className={inputClass}
            value={tags}
            onChange={(e) => setTags(e.target.value)}
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
                onClick={() => setTags((text) => withTag(text, s.tag))}
              >
                {s.tag}
              </button>
            ))}
          </div>
        )}
        <label className="block space-y-1 text-sm">
          <span>{t('resolveDialog.note')}</span>
          <textarea
            className={inputClass}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={2000}
          />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t('resolveDialog.cancel')}
          </button>
          <button type="submit" className={primaryButton}>
            {t('resolveDialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
