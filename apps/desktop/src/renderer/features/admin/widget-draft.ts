import type { AdminWidget, WidgetSettings, WidgetUpdate } from '@switchboard/protocol';
import { type FieldDraft, fromDraft, toDraft } from './prechat-draft.js';

/** A widget as the admin edits it: no team as '', its origins one per line, its pre-chat fields as drafts. */
export interface WidgetDraft {
  name: string;
  teamId: string;
  settings: WidgetSettings;
  origins: string;
  identityMode: AdminWidget['identityMode'];
  pageTracking: AdminWidget['pageTracking'];
  typingPreview: boolean;
  fields: FieldDraft[];
}

export function toWidgetDraft(widget: AdminWidget): WidgetDraft {
  return {
    name: widget.name,
    teamId: widget.teamId ?? '',
    settings: widget.settings,
    origins: widget.allowedOrigins.join('\n'),
    identityMode: widget.identityMode,
    pageTracking: widget.pageTracking,
    typingPreview: widget.typingPreview,
    fields: widget.settings.preChatFields.map(toDraft),
  };
}

/** The change to save: every field the form edits. */
export function fromWidgetDraft(draft: WidgetDraft): WidgetUpdate {
  return {
    name: draft.name,
    teamId: draft.teamId || null,
    identityMode: draft.identityMode,
    pageTracking: draft.pageTracking,
    typingPreview: draft.typingPreview,
    allowedOrigins: originLines(draft.origins),
    settings: { ...draft.settings, preChatFields: draft.fields.map(fromDraft) },
  };
}

/** Origins as the admin types them: one per line, blank lines ignored. */
export function originLines(text: string): string[] {
  return text
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
}
