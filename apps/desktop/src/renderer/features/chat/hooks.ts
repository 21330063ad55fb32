import type { Attachment } from '@switchboard/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CachedBlob } from '../../api/blob-url-cache.js';
import { usePresence } from '../status/store.js';
import { useToasts } from '../toasts/store.js';
import { cachedAttachment, isInlineImage, loadAttachment, saveAttachment } from './attachments.js';

export type Preview =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'image'; url: string };

/**
 * An attachment's inline preview, fetched when its bubble first mounts (and again when the server
 * comes back after a failure), and `save()` for its Download button, which also retries the preview (a toast if it fails).
 */
export function useAttachment(attachment: Attachment): { preview: Preview; save(): void } {
  const { t } = useTranslation();
  const image = isInlineImage(attachment.mimeType);
  const reachable = usePresence((s) => s.reachable);
  // undefined: not tried yet; null: failed.
  const [loaded, setLoaded] = useState<CachedBlob | null | undefined>(() =>
    image ? cachedAttachment(attachment.id) : undefined,
  );
  const tried = loaded !== undefined;
  const ready = Boolean(loaded);

  useEffect(() => {
    if (!image || !reachable || ready) return;
    let live = true;
    void loadAttachment(attachment).then((entry) => {
      if (live) setLoaded(entry);
    });
    return () => {
      live = false;
    };
  }, [image, reachable, ready, attachment]);

  const save = useCallback(() => {
    void saveAttachment(attachment).then((entry) => {
      if (!entry) useToasts.getState().push(t('attachment.downloadFailed', { name: attachment.fileName }));
      else if (image) setLoaded(entry);
    });
  }, [attachment, image, t]);

  let preview: Preview;
  if (!image) preview = { kind: 'none' };
  else if (loaded)
    preview = isInlineImage(loaded.type) ? { kind: 'image', url: loaded.url } : { kind: 'unavailable' };
  else preview = tried || !reachable ? { kind: 'unavailable' } : { kind: 'loading' };
  return { preview, save };
}
