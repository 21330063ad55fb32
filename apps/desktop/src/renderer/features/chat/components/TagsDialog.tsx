import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { retag } from '../actions.js';
import { tagList } from '../tag-list.js';
import { TagField } from './TagField.js';

/** A resolved chat's tags corrected (reports count them). */
export function TagsDialog({
  conversationId,
  tags,
  onClose,
}: {
  conversationId: string;
  tags: readonly string[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(tags.join(', '));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await retag(conversationId, tagList(text))) onClose();
  };
  return (
    <Dialog title={t('tagsDialog.title')} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3">
        <TagField value={text} onChange={setText} />
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t('resolveDialog.cancel')}
          </button>
          <button type="submit" className={primaryButton}>
            {t('tagsDialog.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
