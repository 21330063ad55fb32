import { useTranslation } from 'react-i18next';
import { Dialog, secondaryButton } from '../../../ui/Dialog.js';
import { useShortcutsHelp } from '../help-store.js';
import { isMac, keysOf, SHORTCUT_ORDER } from '../keymap.js';

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="flex shrink-0 gap-1">
      {keys.map((key) => (
        <kbd
          key={key}
          className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
        >
          {key}
        </kbd>
      ))}
    </span>
  );
}

type Row = [label: string, keys: readonly string[]];

function ShortcutList({ rows, testId }: { rows: readonly Row[]; testId?: string }) {
  return (
    <dl className="space-y-1.5 text-sm" data-testid={testId}>
      {rows.map(([label, keys]) => (
        <div key={label} className="flex items-center justify-between gap-4">
          <dt>{label}</dt>
          <dd>
            <Keys keys={keys} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Every keyboard shortcut of the workbench (Mod+/ or Settings), in the keys of this computer. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const close = () => useShortcutsHelp.getState().setOpen(false);
  const mac = isMac();
  const rows: Row[] = SHORTCUT_ORDER.map((id) => [t(`shortcuts.actions.${id}`), keysOf(id, mac)]);
  const composerRows: Row[] = [
    [t('shortcuts.composerKeys.send'), ['Enter']],
    [t('shortcuts.composerKeys.newLine'), ['Shift', 'Enter']],
    [t('shortcuts.composerKeys.canned'), ['/']],
  ];
  return (
    <Dialog title={t('shortcuts.title')} onClose={close}>
      <ShortcutList rows={rows} testId="shortcuts" />
      <h3 className="mt-4 mb-1.5 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">
        {t('shortcuts.composer')}
      </h3>
      <ShortcutList rows={composerRows} />
      <div className="flex justify-end pt-4">
        <button type="button" className={secondaryButton} onClick={close}>
          {t('settings.close')}
        </button>
      </div>
    </Dialog>
  );
}
