import { createReadStream } from 'node:fs';
import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AttachmentService } from '../../domain/attachment-service.js';
import { DomainError } from '../../domain/errors.js';
import { toAttachment } from '../../domain/views.js';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute, SENT } from '../define-route.js';

export function attachmentRoutes(
  app: FastifyInstance,
  deps: TransportDeps,
  attachments: AttachmentService,
): void {
  defineRoute(app, restEndpoints.uploadAttachment, deps, async ({ principal, params, request }) => {
    const uploaderId = principal.kind === 'visitor' ? principal.visitorId : principal.userId;
    await deps.limits.consume('uploadsPerPrincipal', uploaderId);
    if (!request.isMultipart())
      throw new DomainError('invalid-payload', 'Upload as multipart/form-data with a "file" field.');
    const { filename, bytes } = await readSingleFile(request);
    return toAttachment(await attachments.upload(principal, params.conversationId, filename, bytes));
  });

  defineRoute(app, restEndpoints.downloadAttachment, deps, async ({ principal, params, reply }) => {
    const { record, file } = await attachments.forDownload(principal, params.attachmentId);
    // Always a download, never rendered by the browser (SECURITY S9).
    void reply
      .header('Content-Type', record.mimeType)
      .header('Content-Length', record.size)
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(record.fileName)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Cache-Control', 'private, no-store')
      .send(createReadStream(file));
    return SENT;
  });
}

/** Reads the one `file` part; multipart's own limit errors become protocol errors. */
async function readSingleFile(request: FastifyRequest): Promise<{ filename: string; bytes: Buffer }> {
  try {
    const file = await request.file();
    if (file?.fieldname !== 'file')
      throw new DomainError('invalid-payload', 'Send one file in the "file" field.');
    const bytes = await file.toBuffer();
    if (file.file.truncated) throw new DomainError('payload-too-large', 'The file is too large.');
    return { filename: file.filename, bytes };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('payload-too-large', 'The file is too large.');
    if (typeof code === 'string' && code.startsWith('FST_')) {
      throw new DomainError('invalid-payload', 'Send exactly one file in the "file" field.');
    }
    throw error;
  }
}
