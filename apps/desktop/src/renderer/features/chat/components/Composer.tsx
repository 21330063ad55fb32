import {
  type Attachment,
  type CannedReply,
  fillPlaceholders,
  type VisitorAttributes,
} from '@switchboard/protocol';
import {
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { PaperclipIcon } from '../../../ui/icons.js';
import { useSession } from '../../session/store.js';
import { sendMessage } from '../../sync/outbox.js';
import { saveDraft, sendTyping, upload } from '../actions.js';
import { matchCanned, useCannedReplies } from '../canned-replies.js';
import { useChat } from '../store.js';
import { useTeamNames } from '../team-names.js';

interface Props {
  conversationId: string;
  /** Only the assignee writes visible messages; anyone who reads may add notes. */
  canReply: boolean;
  /** For a canned reply's placeholders; null when the visitor gave none. */
  visitorName: string | null;
  /** The page and custom fields the chat was opened with, for canned replies naming them. */
  attributes: VisitorAttributes;
  /** The chat's team, for canned replies naming it. */
  teamId: string | null;
}

export function Composer({ conversationId, canReply, visitorName, attributes, teamId }: Props) {
  const { t } = useTranslation();
  const draft = useChat((s) => s.drafts[conversationId]);
  const [body, setBody] = useState(draft?.body ?? '');
  const [internal, setInternal] = useState(draft?.internal ?? !canReply);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [dragging, setDragging] = useState(false);
  const [pick, setPick] = useState(0);
  const replies = useCannedReplies((s) => s.replies);
  const loadCanned = useCannedReplies((s) => s.load);
  const agentName = useSession((s) => s.user?.name ?? null);
  const teamName = useTeamNames((s) => (teamId === null ? null : (s.byId[teamId] ?? null)));
  const filled = (reply: CannedReply) =>
    fillPlaceholders(reply.body, { visitorName, agentName, teamName, attributes });
  const fileInput = useRef<HTMLInputElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const cannedListId = useId();

  // Switching tabs swaps in that conversation's draft.
  useEffect(() => {
    const saved = useChat.getState().drafts[conversationId];
    setBody(saved?.body ?? '');
    setInternal(saved?.internal ?? !canReply);
    setAttachments([]);
    setPick(0);
    area.current?.focus();
  }, [conversationId, canReply]);

  const slash = body.startsWith('/') && !body.includes('\n') ? body.slice(1) : null;
  const suggestions = slash === null ? [] : matchCanned(replies, slash);
  // Typing more narrows the list; the pick stays on a reply that is still there.
  const pickShown = Math.min(pick, Math.max(suggestions.length - 1, 0));

  const update = (next: string, nextInternal = internal) => {
    setBody(next);
    saveDraft(conversationId, next, nextInternal);
    if (next.startsWith('/')) {
      void loadCanned();
      void useTeamNames.getState().load();
    }
    sendTyping(conversationId, next.length > 0, nextInternal);
  };

  const send = async () => {
    const text = body.trim();
    if (!text && attachments.length === 0) return;
    const note = internal || !canReply;
    update('', internal);
    sendTyping(conversationId, false, note);
    const files = attachments;
    setAttachments([]);
    if (files.length === 0) await sendMessage({ conversationId, body: text, internal: note });
    for (const [i, attachment] of files.entries()) {
      await sendMessage({ conversationId, body: i === 0 ? text : '', internal: note, attachment });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // With a modifier the key is the window's shortcut (Alt+↓ the next chat, Ctrl+Tab the next tab).
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    if (suggestions.length > 0 && plain) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setPick((pickShown + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const chosen = suggestions[pickShown];
        if (chosen) update(filled(chosen));
        setPick(0);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const addFiles = async (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const uploaded = await upload(conversationId, file);
      if (uploaded) setAttachments((list) => [...list, uploaded]);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void addFiles(event.dataTransfer.files);
  };
  const onPaste = (event: ClipboardEvent) => {
    if (event.clipboardData.files.length > 0) {
      event.preventDefault();
      void addFiles(event.clipboardData.files);
    }
  };
  const note = internal || !canReply;

  return (
    <form
      aria-label={t('chat.send')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      className={`relative border-t p-3 ${note ? 'border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40' : 'border-slate-200 dark:border-slate-700'}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {dragging && (
        <div className="absolute inset-0 z-10 flex items-center justify-center rounded border-2 border-dashed border-indigo-400 bg-indigo-50/80 text-sm dark:bg-indigo-950/80">
          {t('chat.dropHere')}
        </div>
      )}
      {suggestions.length > 0 && (
        <div
          id={cannedListId}
          role="listbox"
          className="absolute bottom-full left-3 mb-1 w-96 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-800"
          aria-label={t('chat.cannedLabel')}
        >
          {suggestions.map((r, i) => (
            // Picked with the arrows in the reply box, which keeps the focus; a click picks too.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the reply box handles the keys
            <div
              key={r.id}
              id={`${cannedListId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === pickShown}
              className={`cursor-pointer px-3 py-1.5 text-sm ${i === pickShown ? 'bg-indigo-50 dark:bg-indigo-900' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => update(filled(r))}
            >
              <span className="font-mono text-xs text-indigo-600">/{r.shortcut}</span>{' '}
              <span className="font-medium">{r.title}</span>
              <span className="block truncate text-xs text-slate-500">{filled(r)}</span>
            </div>
          ))}
        </div>
      )}
      {attachments.length > 0 && (
        <div className="mb-2 flex flex-wrap gap-2">
          {attachments.map((a) => (
            <span key={a.id} className="rounded bg-slate-200 px-2 py-0.5 text-xs dark:bg-slate-700">
              <PaperclipIcon /> {a.fileName}
              <button
                type="button"
                aria-label={t('attachment.removeNamed', { name: a.fileName })}
                className="ml-1"
                onClick={() => setAttachments((l) => l.filter((x) => x.id !== a.id))}
              >
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      <textarea
        ref={area}
        data-testid="composer"
        aria-label={t('chat.placeholder')}
        className="h-20 w-full resize-none rounded-md border border-slate-300 bg-white p-2 text-sm focus:outline-2 focus:outline-indigo-500 dark:border-slate-600 dark:bg-slate-900"
        placeholder={note ? t('chat.notePlaceholder') : t('chat.placeholder')}
        value={body}
        aria-autocomplete="list"
        aria-controls={suggestions.length > 0 ? cannedListId : undefined}
        aria-activedescendant={suggestions.length > 0 ? `${cannedListId}-${pickShown}` : undefined}
        onChange={(e) => update(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      <div className="mt-2 flex items-center gap-3 text-sm">
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            data-testid="internal-toggle"
            checked={note}
            disabled={!canReply}
            onChange={(e) => {
              setInternal(e.target.checked);
              saveDraft(conversationId, body, e.target.checked);
            }}
          />
          {t('chat.internal')}
        </label>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
          onChange={(e) => e.target.files && void addFiles(e.target.files)}
        />
        <button
          type="button"
          className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          onClick={() => fileInput.current?.click()}
        >
          {t('chat.attach')}
        </button>
        <button
          type="button"
          data-testid="send"
          className="ml-auto rounded-md bg-indigo-600 px-4 py-1.5 font-medium text-white hover:bg-indigo-700"
          onClick={() => void send()}
        >
          {t('chat.send')}
        </button>
      </div>
    </form>
  );
}
