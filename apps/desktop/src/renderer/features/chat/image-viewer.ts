import type { Attachment } from '@switchboard/protocol';
import { create } from 'zustand';

/**
 * The image open in the larger view. Held here rather than in its bubble: the timeline is
 * virtualized, and a bubble scrolled out of view (say, by a new message) must not close it.
 */
export const useImageViewer = create<{
  attachment: Attachment | null;
  show(attachment: Attachment): void;
  close(): void;
}>((set) => ({
  attachment: null,
  show: (attachment) => set({ attachment }),
  close: () => set({ attachment: null }),
}));
