import type { Message } from '@switchboard/protocol';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSupervisorWindow } from '../../../app/routes.js';
import { bridge } from '../../../host/bridge.js';
import { Dialog, inputClass, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { clockTime } from '../../../ui/format.js';
import { TransferTargetDialog } from '../../../ui/TransferTargetDialog.js';
import { showConversation } from '../../chat/actions.js';
import { TypingLine } from '../../chat/components/TypingLine.js';
import { VisitorDraft } from '../../chat/components/VisitorDraft.js';
import { systemText } from '../../chat/system-text.js';
import { useSession } from '../../session/store.js';
import { CurrentPage } from '../../visitor/components/VisitedPages.js';
import { liveLeftAt, VisitorPresence } from '../../visitor/components/VisitorPresence.js';
import { barge, closeMonitor, endChat, reassign, sendVisible, takeover, whisper } from '../actions.js';
import { timelineOf, useSupervisor } from '../store.js';

const actionButton =
  'rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** Message bodies as React text only (SECURITY D9). */
function Line({ message }: { message: Message }) {
  const { t } = useTranslation();
  const whisperTag = message.visibility === 'agents';
  if (message.sender.kind === 'system' || message.sender.kind === 'bot')
    return <p className="py-1 text-center text-xs text-slate-500">{systemText(t, message)}</p>;
  return (
    <div className="py-1" data-testid="monitor-message" data-visibility={message.visibility}>
      <span className="text-[11px] text-slate-500">
        {message.sender.name ?? message.sender.kind} · {clockTime(message.createdAt)}
      </span>
      <p
        className={`mt-0.5 rounded-lg px-2.5 py-1.5 text-sm break-words whitespace-pre-wrap ${
          whisperTag
            ? 'bg-amber-100 text-amber-950 dark:bg-amber-900/60 dark:text-amber-50'
            : message.sender.kind === 'visitor'
              ? 'bg-slate-100 dark:bg-slate-800'
              : 'bg-indigo-50 dark:bg-indigo-950/60'
        }`}
      >
        {whisperTag && (
          <span className="mr-1 text-[10px] font-bold uppercase">{t('supervisor.whisperTag')}</span>
        )}
        {message.body}
      </p>
    </div>
  );
}

function ReassignDialog({ conversationId, onClose }: { conversationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const feed = useSupervisor((s) => s.feed);
  return (
    <TransferTargetDialog
      title={t('supervisor.reassign')}
      submitLabel={t('supervisor.reassign')}
      teams={Object.values(feed?.teams ?? {}).map((team) => ({ id: team.teamId, name: team.name }))}
      agents={Object.values(feed?.agents ?? {})}
      onSubmit={(to, reason) => reassign(conversationId, to, reason)}
      onClose={onClose}
      selectTestId="reassign-target"
    />
  );
}

function EndDialog({ conversationId, onClose }: { conversationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await endChat(conversationId, note.trim() || undefined)) onClose();
  };
  return (
    <Dialog title={t('supervisor.end')} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3">
        <label className="block space-y-1 text-sm">
          <span>{t('supervisor.endNote')}</span>
          <textarea
            className={inputClass}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={2000}
            rows={3}
          />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t('supervisor.cancel')}
          </button>
          <button type="submit" className={primaryButton} data-testid="confirm-end">
            {t('supervisor.end')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The monitored chat: its history, a whisper composer and the supervisor's actions. */
export function MonitorPanel() {
  const { t } = useTranslation();
  const conversation = useSupervisor((s) => s.monitored);
  const barged = useSupervisor((s) => s.barged);
  const bySeq = useSupervisor((s) => s.messages);
  const messages = useMemo(() => timelineOf(bySeq), [bySeq]);
  const me = useSession((s) => s.user?.id);
  const [draft, setDraft] = useState('');
  const [visible, setVisible] = useState(false);
  const [dialog, setDialog] = useState<'reassign' | 'end' | null>(null);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (messages.length > 0) end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);
  if (!conversation) return null;
  const visitorName = conversation.visitor.name ?? t('visitor.anonymous');
  const open = conversation.status === 'queued' || conversation.status === 'assigned';
  const mine = conversation.assignee?.id === me && conversation.status === 'assigned';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = draft.trim();
    if (!body) return;
    const sent =
      visible && barged ? await sendVisible(conversation.id, body) : await whisper(conversation.id, body);
    if (sent) setDraft('');
  };

  return (
    <aside
      className="flex w-[26rem] shrink-0 flex-col border-l border-slate-200 dark:border-slate-700"
      data-testid="monitor-panel"
      data-conversation-id={conversation.id}
      aria-label={conversation.visitor.name ?? t('supervisor.visitor')}
    >
      <header className="flex items-start gap-2 border-b border-slate-200 p-3 dark:border-slate-700">
        <div className="min-w-0 flex-1">
          <h3 className="truncate font-semibold">{conversation.visitor.name ?? t('supervisor.visitor')}</h3>
          <p className="text-xs text-slate-500" data-testid="monitor-assignee">
            {conversation.assignee?.name ?? t('supervisor.queued')}
          </p>
          <CurrentPage conversationId={conversation.id} />
          <VisitorPresence leftAt={liveLeftAt(conversation)} />
        </div>
        <button type="button" className={secondaryButton} onClick={() => void closeMonitor()}>
          {t('supervisor.close')}
        </button>
      </header>
      <p
        className="bg-slate-50 px-3 py-1.5 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300"
        data-testid="monitor-note"
      >
        {!open
          ? t('supervisor.ended')
          : mine
            ? t('supervisor.mine')
            : barged
              ? t('supervisor.barged')
              : t('supervisor.monitoring')}
      </p>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-2" data-testid="monitor-timeline">
        {messages.map((m) => (
          <Line key={m.seq} message={m} />
        ))}
        <div ref={end} />
      </div>
      <VisitorDraft conversationId={conversation.id} name={visitorName} />
      <TypingLine conversationId={conversation.id} visitorName={visitorName} />
      {open && (
        <div className="flex flex-wrap gap-1.5 border-t border-slate-200 p-2 dark:border-slate-700">
          <button
            type="button"
            className={actionButton}
            data-testid="barge"
            disabled={barged || mine}
            onClick={() => void barge(conversation.id)}
          >
            {t('supervisor.barge')}
          </button>
          <button
            type="button"
            className={actionButton}
            data-testid="takeover"
            disabled={mine}
            onClick={() => void takeover(conversation.id)}
          >
            {t('supervisor.takeover')}
          </button>
          <button
            type="button"
            className={actionButton}
            data-testid="reassign"
            onClick={() => setDialog('reassign')}
          >
            {t('supervisor.reassign')}
          </button>
          <button type="button" className={actionButton} data-testid="end" onClick={() => setDialog('end')}>
            {t('supervisor.end')}
          </button>
        </div>
      )}
      {mine && (
        <div className="flex justify-end border-t border-slate-200 p-2 dark:border-slate-700">
          <button
            type="button"
            className={primaryButton}
            data-testid="open-in-workbench"
            onClick={() => {
              // The supervisor window has no workbench: the main window brings its own forward.
              if (isSupervisorWindow()) {
                void bridge['window:show-in-workbench']({ conversationId: conversation.id });
                return;
              }
              void showConversation(conversation.id);
            }}
          >
            {t('supervisor.openInWorkbench')}
          </button>
        </div>
      )}
      {/* Once the chat is the supervisor's own, it is answered from the workbench: no whispering to oneself. */}
      {open && !mine && (
        <form onSubmit={submit} className="space-y-1.5 border-t border-slate-200 p-2 dark:border-slate-700">
          {barged && (
            <label className="flex items-center gap-2 text-xs">
              <input type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} />
              {t('supervisor.reply')}
            </label>
          )}
          <textarea
            data-testid="whisper-composer"
            aria-label={visible && barged ? t('supervisor.reply') : t('supervisor.whisper')}
            className={inputClass}
            rows={2}
            maxLength={5000}
            value={draft}
            placeholder={
              visible && barged ? t('supervisor.replyPlaceholder') : t('supervisor.whisperPlaceholder')
            }
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <div className="flex justify-end">
            <button type="submit" className={primaryButton} data-testid="whisper-send">
              {visible && barged ? t('supervisor.reply') : t('supervisor.whisper')}
            </button>
          </div>
        </form>
      )}
      {dialog === 'reassign' && (
        <ReassignDialog conversationId={conversation.id} onClose={() => setDialog(null)} />
      )}
      {dialog === 'end' && <EndDialog conversationId={conversation.id} onClose={() => setDialog(null)} />}
    </aside>
  );
}
