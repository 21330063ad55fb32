import { useTranslation } from 'react-i18next';
import { primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { useConversations } from '../../conversations/store.js';
import { useSession } from '../../session/store.js';
import { usePresence } from '../../status/store.js';
import { liveLeftAt, VisitorPresence } from '../../visitor/components/VisitorPresence.js';
import { acceptOffer, declineOffer, take } from '../actions.js';
import { chatRights } from '../chat-rights.js';
import { useColleagues } from '../colleagues.js';
import { useChatDialog } from '../dialog-store.js';
import { Composer } from './Composer.js';
import { ImageViewer } from './ImageViewer.js';
import { ResolveDialog } from './ResolveDialog.js';
import { TagsDialog } from './TagsDialog.js';
import { Timeline } from './Timeline.js';
import { TransferDialog } from './TransferDialog.js';
import { TypingLine } from './TypingLine.js';
import { VisitorDraft } from './VisitorDraft.js';

export function ChatView({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const cached = useConversations((s) => s.byId[conversationId]);
  const me = useSession((s) => s.user?.id);
  const role = useSession((s) => s.user?.role);
  const colleagues = useColleagues((s) => s.viewers[conversationId]);
  const offer = usePresence((s) => Object.values(s.offers).find((o) => o.conversation.id === conversationId));
  const dialog = useChatDialog((s) => (s.open?.conversationId === conversationId ? s.open.dialog : null));
  const { show, close } = useChatDialog.getState();
  if (!cached) return null;
  const c = cached.conversation;
  const { mine, canClose, canRetag } = chatRights(c, me, role);
  const name = c.visitor.name ?? t('visitor.anonymous');
  // The assignee having the chat open is expected, not a collision: their name says it instead.
  const assigneeHere = colleagues?.some((v) => v.id === c.assignee?.id) ?? false;
  const others = colleagues?.filter((v) => v.id !== c.assignee?.id) ?? [];

  return (
    <section className="flex min-h-0 flex-1 flex-col" aria-label={name} data-testid="chat-view">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h2 className="font-semibold">{name}</h2>
        <span
          className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300"
          data-testid="chat-status"
        >
          {t(`visitor.status.${c.status}`)}
        </span>
        <VisitorPresence leftAt={liveLeftAt(c)} />
        {c.assignee && !mine && (
          <span
            className="flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400"
            data-testid="assignee"
            data-here={assigneeHere}
          >
            {assigneeHere && <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />}
            {assigneeHere ? t('chat.assigneeHere', { name: c.assignee.name }) : c.assignee.name}
          </span>
        )}
        {others.length > 0 && (
          <span
            className="rounded bg-amber-50 px-1.5 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-200"
            data-testid="viewers"
          >
            {t('chat.alsoHere', { names: others.map((v) => v.name).join(', ') })}
          </span>
        )}
        <div className="ml-auto flex gap-2">
          {offer && (
            <>
              <button type="button" className={primaryButton} onClick={() => void acceptOffer(offer.offerId)}>
                {t('chat.accept')}
              </button>
              <button
                type="button"
                className={secondaryButton}
                onClick={() => void declineOffer(offer.offerId)}
              >
                {t('chat.decline')}
              </button>
            </>
          )}
          {!offer && (c.status === 'queued' || c.status === 'offline') && (
            <button
              type="button"
              data-testid="take"
              className={primaryButton}
              onClick={() => void take(c.id)}
            >
              {t('chat.take')}
            </button>
          )}
          {mine && (
            <button type="button" className={secondaryButton} onClick={() => show(c.id, 'transfer')}>
              {t('chat.transfer')}
            </button>
          )}
          {canRetag && (
            <button
              type="button"
              data-testid="edit-tags"
              className={secondaryButton}
              onClick={() => show(c.id, 'tags')}
            >
              {t('chat.editTags')}
            </button>
          )}
          {canClose && (
            <button
              type="button"
              data-testid="resolve"
              className={primaryButton}
              onClick={() => show(c.id, 'resolve')}
            >
              {t('chat.resolve')}
            </button>
          )}
        </div>
      </header>
      <Timeline conversationId={conversationId} />
      <VisitorDraft conversationId={conversationId} name={name} />
      <TypingLine conversationId={conversationId} visitorName={name} />
      {c.status !== 'resolved' && (
        <Composer
          conversationId={conversationId}
          canReply={mine}
          visitorName={c.visitor.name}
          attributes={c.attributes}
          teamId={c.teamId}
        />
      )}
      {dialog === 'transfer' && mine && <TransferDialog conversationId={c.id} onClose={close} />}
      {dialog === 'resolve' && canClose && <ResolveDialog conversationId={c.id} onClose={close} />}
      {dialog === 'tags' && canRetag && <TagsDialog conversationId={c.id} tags={c.tags} onClose={close} />}
      <ImageViewer />
    </section>
  );
}
