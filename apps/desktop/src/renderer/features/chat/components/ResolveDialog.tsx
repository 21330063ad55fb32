import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, inputClass, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { useTabs } from '../../tabs/store.js';
import { resolve } from '../actions.js';

export function ResolveDialog({ conversationId, onClose }: { conversationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = [
      ...new Set(
        tags
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ].slice(0, 10);
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
