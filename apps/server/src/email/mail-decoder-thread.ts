import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors.js';
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
  #worker: Worker | null = null;
  #next = 0;
  readonly #pending = new Map<
    number,
    { resolve(decoded: DecodedEmail): void; reject(error: unknown): void }
  >();

  constructor(private readonly logger: Pick<Logger, 'error'>) {}

  readonly decode: DecodeEmail = (raw) =>
    new Promise<DecodedEmail>((resolve, reject) => {
      const id = this.#next++;
      this.#pending.set(id, { resolve, reject });
      // A copy of just the email's bytes, moved to the thread (the request's buffer may be pooled).
      const bytes = new Uint8Array(raw);
      this.#started().postMessage({ id, raw: bytes }, [bytes.buffer]);
    });

  /** Fails the emails in hand at once (a reply already on its way would race the thread's end). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#failInHand();
    await worker?.terminate();
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    // Plain CommonJS: no loaders (a parent's --import would fail to load in the thread).
    const worker = new Worker(DECODER_WORKER, { workerData: { options: DECODE_OPTIONS }, execArgv: [] });
    worker.unref();
    worker.on('message', (reply: Reply) => this.#settle(reply));
    worker.on('error', (error) => this.logger.error({ err: error }, 'email decoder thread failed'));
    worker.on('exit', () => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#failInHand();
    });
    this.#worker = worker;
    return worker;
  }

  #failInHand(): void {
    for (const [id, job] of this.#pending) {
      this.#pending.delete(id);
      job.reject(new DomainError('unavailable', 'The email could not be read now; try again.'));
    }
  }

  #settle(reply: Reply): void {
    const job = this.#pending.get(reply.id);
    if (!job) return;
    this.#pending.delete(reply.id);
    if ('error' in reply) {
      job.reject(new DomainError('invalid-payload', 'The email could not be read as MIME.'));
      return;
    }
    const { decoded } = reply;
    job.resolve({
      ...decoded,
      // Structured cloning hands back Uint8Arrays.
      attachments: decoded.attachments.map((file) => ({
        ...file,
        content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
      })),
    });
  }
}
