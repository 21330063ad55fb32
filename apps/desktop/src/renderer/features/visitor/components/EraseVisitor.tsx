import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, secondaryButton } from '../../../ui/Dialog.js';
import { eraseVisitor } from '../erase-visitor.js';

const openButton =
  'rounded-md border border-red-300 px-2 py-1 text-xs text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950';
const eraseButton =
  'rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50 disabled:hover:bg-red-600';

/** The visitor panel's way to erase a visitor for good (admins): asks first, and plainly. */
export function EraseVisitor({
  visitorId,
  name,
  onErased,
}: {
  visitorId: string;
  name: string;
  /** After the erasure went through (a list that showed the visitor reads itself again). */
  onErased?: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className={openButton}
        data-testid="erase-visitor"
        onClick={() => setAsking(true)}
      >
        {t('visitor.erase.button')}
      </button>
      {asking && (
        <EraseDialog
          visitorId={visitorId}
          name={name}
          onClose={() => setAsking(false)}
          onErased={() => {
            setAsking(false);
            onErased?.();
          }}
        />
      )}
    </>
  );
}

/** The last button stays disabled until the admin has ticked that it cannot be undone. */
function EraseDialog({
  visitorId,
  name,
  onClose,
  onErased,
}: {
  visitorId: string;
  name: string;
  onClose(): void;
  onErased(): void;
}) {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  const [erasing, setErasing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!understood || erasing) return;
    setErasing(true);
    const done = await eraseVisitor(visitorId);
    setErasing(false);
    if (done) onErased();
  };
  return (
    <Dialog title={t('visitor.erase.title')} onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <p className="text-sm" data-testid="erase-warning">
          {t('visitor.erase.warning', { name })}
        </p>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={understood}
            onChange={(e) => setUnderstood(e.target.checked)}
          />
          <span>{t('visitor.erase.confirm')}</span>
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t('visitor.erase.cancel')}
          </button>
          <button type="submit" className={eraseButton} disabled={!understood || erasing}>
            {t('visitor.erase.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
