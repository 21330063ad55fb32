// Decodes raw MIME emails (mailparser's simpleParser) off the server's event loop: a 25 MB email
// with an attachment kept the loop busy for about a quarter of a second, and every chat waited.
// The server reads the decoded parts (src/email/mail-decoder-thread.ts, src/email/parse-inbound.ts).
// Plain CommonJS: the same file serves the TypeScript sources and the built server.
const { parentPort, workerData } = require('node:worker_threads');
const { simpleParser } = require('mailparser');

// mailparser's options, the server's DECODE_OPTIONS (src/email/decode-email.ts).
const OPTIONS = workerData.options;

parentPort.on('message', async ({ id, raw }) => {
  try {
    const mail = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), OPTIONS);
    const attachments = mail.attachments.map((file) => ({
      filename: file.filename,
      contentType: file.contentType,
      related: file.related,
      content: file.content,
    }));
    // A file that owns its whole memory moves to the server instead of being copied; one that
    // shares a pooled buffer is copied.
    const transfer = attachments
      .map((file) => file.content)
      .filter((content) => content.byteOffset === 0 && content.byteLength === content.buffer.byteLength)
      .map((content) => content.buffer);
    const decoded = {
      headers: mail.headers,
      from: mail.from,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      text: mail.text,
      html: mail.html,
      attachments,
    };
    parentPort.postMessage({ id, decoded }, [...new Set(transfer)]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
