import { runtime } from '../../app/runtime.js';
import { saveFile } from '../../host/save-file.js';
import { toastError } from '../toasts/store.js';

/**
 * An admin saves everything the server holds about a visitor (the right of access) as a JSON
 * file: every conversation, every message with internal notes marked, ratings.
 */
export async function exportVisitor(visitorId: string): Promise<void> {
  const result = await runtime.connection?.rest('exportVisitor', { params: { visitorId } });
  if (!result) return;
  if (!result.ok) {
    toastError('export', result.error);
    return;
  }
  const json = JSON.stringify(result.data, null, 2);
  saveFile(new Blob([json], { type: 'application/json' }), `switchboard-visitor-${visitorId}.json`);
}
