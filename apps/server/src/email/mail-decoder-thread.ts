import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors.js';
import { ThreadClient } from '../threads/thread-client.js';
import { DECODE_OPTIONS, type DecodedEmail, type DecodeEmail } from './decode-email.js';

const DECODER_WORKER = new URL('../../workers/mail-decoder.cjs', import.meta.url);

type Reply = { id: number; decoded: DecodedEmail } | { id: number; error: string };

/**
 * Decodes emails on a thread of its own (workers/mail-decoder.cjs), started with the first email
 * and started again after a crash, so that a large email never stalls the server's chats. The
 * files come back as bytes (Buffers again here). An email mailparser cannot read is
 * `invalid-payload`; a thread that dies with emails in hand fails them with `unavailable` (the
 * gateway tries again).
 */
export class MailDecoderThread {
  readonly #thread: ThreadClient<Reply>;

  constructor(logger: Pick<Logger, 'error'>) {
    this.#thread = new ThreadClient<Reply>(
      {
        name: 'email decoder thread',
        unavailable: 'The email could not be read now; try again.',
        // Emails come now and then: the thread does not stay for them.
        idleAfterMs: 60_000,
        // Plain CommonJS: no loaders (a parent's --import would fail to load in the thread).
        start: () => new Worker(DECODER_WORKER, { workerData: { options: DECODE_OPTIONS }, execArgv: [] }),
      },
      logger,
    );
  }

  readonly decode: DecodeEmail = (raw) =>
    this.#thread.ask(
      (worker, id) => {
        // A copy of just the email's bytes, moved to the thread (the request's buffer may be pooled).
        const bytes = new Uint8Array(raw);
        worker.postMessage({ id, raw: bytes }, [bytes.buffer]);
      },
      (reply): DecodedEmail => {
        if ('error' in reply)
          throw new DomainError('invalid-payload', 'The email could not be read as MIME.');
        const { decoded } = reply;
        return {
          ...decoded,
          // Structured cloning hands back Uint8Arrays.
          attachments: decoded.attachments.map((file) => ({
            ...file,
            content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
          })),
        };
      },
    );

  close(): Promise<void> {
    return this.#thread.close();
  }
}
