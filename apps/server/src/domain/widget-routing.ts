import type { Contact } from '../store/contacts.js';

/** What the widget's endpoints ask of routing. */
export interface WidgetRouting {
  /** Whether a team can answer a chat right now (open hours and someone online). */
  isTeamAvailable(teamId: string | null): boolean;
  /** The queued conversation becomes a left message; false when it was no longer queued. */
  leaveQueue(conversationId: string, contact: Contact): Promise<boolean>;
  /** A conversation changed outside routing: tell the team (and the visitor). */
  announce(conversationId: string): void;
}
