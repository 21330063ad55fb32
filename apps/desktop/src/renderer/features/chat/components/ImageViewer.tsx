import type { Attachment } from '@switchboard/protocol';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { useAttachment } from '../hooks.js';
import { useImageViewer } from '../image-viewer.js';

/** The larger view of the image chosen in the timeline; Escape or Close ends it. */
export function ImageViewer() {
  const attachment = useImageViewer((s) => s.attachment);
  const close = useImageViewer((s) => s.close);
  // Leaving the chat (another tab, logout) closes it.
  useEffect(() => close, [close]);
  if (!attachment) return null;
  return <ImageDialog key={attachment.id} attachment={attachment} onClose={close} />;
}

function ImageDialog({ attachment, onClose }: { attachment: Attachment; onClose(): void }) {
  const { t } = useTranslation();
  const { preview, save } = useAttachment(attachment);
  return (
    <Dialog title={attachment.fileName} onClose={onClose} wide>
      <div className="flex min-h-40 items-center justify-center" data-testid="image-viewer">
        {preview.kind === 'image' ? (
          <img
            src={preview.url}
            alt={attachment.fileName}
            className="max-h-[70vh] max-w-full object-contain"
          />
        ) : (
          <p className="text-sm text-slate-500">
            {preview.kind === 'loading' ? t('attachment.loading') : t('attachment.unavailable')}
          </p>
        )}
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={secondaryButton} onClick={save}>
          {t('attachment.download')}
        </button>
        <button type="button" className={primaryButton} onClick={onClose}>
          {t('attachment.close')}
        </button>
      </div>
    </Dialog>
  );
}
