import type { Message } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/cache-schemas.js';
import { clockTime } from '../../../ui/format.js';
import { Marked } from '../../search/components/Marked.js';
import { retry } from '../../sync/outbox.js';
import { systemText } from '../system-text.js';
import { AttachmentView } from './AttachmentView.js';

interface Props {
  message?: Message;
  pending?: OutboxItem;
  mine: boolean;
  readByVisitor: boolean;
  /** A search's words to mark in the body (the hit it opened at). */
  marks?: string | undefined;
}

/** All content is rendered as React text children: never HTML (SECURITY D9). */
export function MessageBubble({ message, pending, mine, readByVisitor, marks }: Props) {
  const { t } = useTranslation();
  const body = message?.body ?? pending?.body ?? '';
  const note = (message?.visibility ?? pending?.visibility) === 'agents';
  const system = message?.sender.kind === 'system' || message?.sender.kind === 'bot';
  const attachment = message?.attachment ?? pending?.attachment ?? null;
  if (system && message) {
    // An answer that could not be emailed needs the agent: it must not read like routine news.
    const warning = message.systemEvent?.code === 'email-failed';
    return (
      <p
        className={`py-1 text-center text-xs ${warning ? 'font-medium text-red-700 dark:text-red-300' : 'text-slate-500'}`}
        data-testid="system-message"
      >
        {systemText(t, message)}
      </p>
    );
  }
  const tone = note
    ? 'bg-amber-100 text-amber-950 dark:bg-amber-900/60 dark:text-amber-50'
    : mine
      ? 'bg-indigo-600 text-white'
      : 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100';
  let state: string | null = null;
  if (pending) state = pending.status === 'failed' ? t('chat.failed') : t('chat.sending');
  else if (mine) state = readByVisitor ? t('chat.read') : t('chat.sent');
  return (
    <div
      className={`flex py-1 ${mine ? 'justify-end' : 'justify-start'}`}
      data-testid="message"
      data-state={pending ? pending.status : 'sent'}
    >
      <div className="max-w-[70%]">
        {!mine && message?.sender.name && (
          <span className="mb-0.5 block text-[11px] text-slate-500">{message.sender.name}</span>
        )}
        <div
          className={`rounded-2xl px-3 py-2 text-sm break-words whitespace-pre-wrap ${tone} ${pending ? 'opacity-70' : ''}`}
          data-testid="message-body"
        >
          {note && <span className="mr-1 text-[10px] font-bold uppercase">{t('chat.note')}</span>}
          {marks ? <Marked text={body} q={marks} prefixes="last" /> : body}
          {attachment && <AttachmentView attachment={attachment} />}
        </div>
        <span className={`mt-0.5 flex gap-2 text-[10px] text-slate-500 ${mine ? 'justify-end' : ''}`}>
          {message && clockTime(message.createdAt)}
          {message?.via === 'email' && <span data-testid="message-via">{t('chat.viaEmail')}</span>}
          {state && <span data-testid="delivery-state">{state}</span>}
          {pending?.status === 'failed' && (
            <button
              type="button"
              className="font-semibold text-red-600 underline"
              onClick={() => void retry(pending.clientMsgId)}
            >
              {t('chat.retry')}
            </button>
          )}
        </span>
      </div>
    </div>
  );
}
