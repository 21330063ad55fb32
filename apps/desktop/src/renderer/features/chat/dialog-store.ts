import { create } from 'zustand';

export type ChatDialog = 'transfer' | 'resolve' | 'tags';

/** The chat's dialog that is open, if any: from its header's buttons or a keyboard shortcut. */
export const useChatDialog = create<{
  open: { conversationId: string; dialog: ChatDialog } | null;
  show(conversationId: string, dialog: ChatDialog): void;
  close(): void;
}>((set) => ({
  open: null,
  show: (conversationId, dialog) => set({ open: { conversationId, dialog } }),
  close: () => set({ open: null }),
}));
