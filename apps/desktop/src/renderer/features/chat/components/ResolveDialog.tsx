import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, inputClass, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { useTabs } from '../../tabs/store.js';
import { resolve } from '../actions.js';
import { tagList } from '../tag-list.js';
import { TagField } from './TagField.js';

export function ResolveDialog({ conversationId, onClose }: { conversationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
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
        <TagField value={tags} onChange={setTags} />
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
