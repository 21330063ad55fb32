import type { Attachment } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { PaperclipIcon } from '../../../ui/icons.js';
import { useAttachment } from '../hooks.js';
import { useImageViewer } from '../image-viewer.js';

/** An attachment in a bubble: a thumbnail for images (opens the larger view), its name, Download. */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const { preview, save } = useAttachment(attachment);
  const show = useImageViewer((s) => s.show);
  return (
    <div className="mt-1 whitespace-normal" data-testid="attachment" data-attachment-id={attachment.id}>
      {preview.kind === 'image' && (
        <button
          type="button"
          className="flex h-45 w-60 max-w-full cursor-zoom-in items-center justify-center rounded-lg bg-slate-900/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:bg-slate-950/30"
          aria-label={t('attachment.view', { name: attachment.fileName })}
          onClick={() => show(attachment)}
        >
          <img
            src={preview.url}
            alt={attachment.fileName}
            className="max-h-full max-w-full object-contain"
            data-testid="attachment-image"
          />
        </button>
      )}
      {preview.kind === 'loading' && (
        <span
          className="block h-45 w-60 max-w-full rounded-lg bg-slate-900/10 dark:bg-slate-950/30"
          role="img"
          aria-label={t('attachment.loading')}
          aria-busy="true"
        />
      )}
      {preview.kind === 'unavailable' && (
        <span className="block text-xs italic opacity-80" data-testid="attachment-unavailable">
          {t('attachment.unavailable')}
        </span>
      )}
      <span className="mt-1 flex items-center gap-2 text-xs">
        <span className="min-w-0 truncate">
          <PaperclipIcon /> {attachment.fileName}
        </span>
        <button
          type="button"
          className="shrink-0 font-semibold underline focus-visible:outline-2 focus-visible:outline-indigo-500"
          aria-label={t('attachment.downloadNamed', { name: attachment.fileName })}
          onClick={save}
        >
          {t('attachment.download')}
        </button>
      </span>
    </div>
  );
}
