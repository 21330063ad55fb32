import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../../host/bridge.js';
import { useSession } from '../../session/store.js';
import { toastFailure } from '../../toasts/store.js';
import { saved } from '../actions.js';
import { embedCode } from '../embed-code.js';
import { smallButton } from './ui.js';

/** The widget's embed code, to select or copy, and the address it loads the widget from. */
export function EmbedCode({ widgetId }: { widgetId: string }) {
  const { t } = useTranslation();
  const serverUrl = useSession((s) => s.serverUrl);
  const hint = useId();
  const box = useRef<HTMLElement>(null);
  if (!serverUrl) return null;
  const code = embedCode(serverUrl, widgetId);
  const selectCode = () => {
    const selection = window.getSelection();
    if (box.current && selection) selection.selectAllChildren(box.current);
  };
  const copy = async () => {
    const { copied } = await bridge['clipboard:write-text']({ text: code });
    if (copied) {
      saved(t('admin.widgets.embedCopied'));
      return;
    }
    selectCode();
    toastFailure('widget', t('admin.widgets.embedCopyByHand'));
  };
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between">
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('admin.widgets.embed')}</span>
        <button type="button" className={smallButton} onClick={() => void copy()}>
          {t('admin.widgets.embedCopy')}
        </button>
      </div>
      <code
        ref={box}
        data-testid="embed-code"
        aria-describedby={hint}
        className="block rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all select-all dark:bg-slate-800"
      >
        {code}
      </code>
      <p id={hint} className="text-xs text-slate-500 dark:text-slate-400">
        {t('admin.widgets.embedHint', { server: new URL(serverUrl).origin })}
      </p>
    </div>
  );
}
