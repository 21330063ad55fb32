/**
 * What a large reply by email costs the server's chats: the longest the event loop stalls while
 * one email with a big attachment is read, decoding on the server's own thread (the baseline, as
 * before the decoder thread) against on the decoder thread (what the server does). Not a test:
 * `npm run bench` runs it (BENCH_QUICK=1: fewer rounds). Medians over rounds, alternating which
 * goes first; absolute figures and the ratio.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { type DecodeEmail, decodeHere } from '../../src/email/decode-email.js';
import { MailDecoderThread } from '../../src/email/mail-decoder-thread.js';
import { parseInboundEmail } from '../../src/email/parse-inbound.js';
import { median } from '../stats.js';

const RESULTS_FILE = fileURLToPath(new URL('../../bench-results/email-decode.json', import.meta.url));
const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 3 : 7;
/** An attachment as large as the default inbound limit allows once base64 has grown it (25 MiB). */
const ATTACHMENT_BYTES = QUICK ? 4 * 1024 * 1024 : 18 * 1024 * 1024;

interface Figures {
  stallMs: number;
  decodeMs: number;
}

async function measure(decode: DecodeEmail, raw: Buffer): Promise<Figures> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const started = performance.now();
  await parseInboundEmail(raw, decode);
  const decodeMs = performance.now() - started;
  loop.disable();
  return { stallMs: loop.max / 1e6, decodeMs };
}

async function main(): Promise<void> {
  const mailer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const attachment = Buffer.alloc(ATTACHMENT_BYTES);
  for (let i = 0; i < attachment.length; i++) attachment[i] = (i * 2654435761) >>> 24;
  attachment.write('%PDF-1.4\n');
  const raw = (
    await mailer.sendMail({
      from: 'Jonas <jonas@example.test>',
      to: 'replies@shop.example',
      subject: 'Re: your parcel',
      text: 'The scan you asked for.\n\nOn Sat, Shop wrote:\n> Could you send it?',
      attachments: [{ filename: 'scan.pdf', content: attachment }],
    })
  ).message as Buffer;
  const thread = new MailDecoderThread({ error: (error: unknown) => console.error(error) });
  // Warm both paths (the thread's start, the parser's first run) before measuring.
  await parseInboundEmail(raw, decodeHere);
  await parseInboundEmail(raw, thread.decode);

  const here: Figures[] = [];
  const there: Figures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (['here', 'there'] as const) : (['there', 'here'] as const);
    for (const where of order) {
      if (where === 'here') here.push(await measure(decodeHere, raw));
      else there.push(await measure(thread.decode, raw));
    }
  }
  await thread.close();

  const summary = {
    emailMegabytes: raw.length / 1e6,
    rounds: ROUNDS,
    mainThread: {
      stallMs: median(here.map((f) => f.stallMs)),
      decodeMs: median(here.map((f) => f.decodeMs)),
    },
    decoderThread: {
      stallMs: median(there.map((f) => f.stallMs)),
      decodeMs: median(there.map((f) => f.decodeMs)),
    },
  };
  const ratio = summary.decoderThread.stallMs / summary.mainThread.stallMs;
  process.stdout.write(
    [
      `Reading one ${summary.emailMegabytes.toFixed(1)} MB reply by email (medians of ${ROUNDS} rounds):`,
      `  decoded on the server's thread (baseline): longest event-loop stall ${summary.mainThread.stallMs.toFixed(1)} ms, read in ${summary.mainThread.decodeMs.toFixed(0)} ms`,
      `  decoded on the decoder thread:             longest event-loop stall ${summary.decoderThread.stallMs.toFixed(1)} ms, read in ${summary.decoderThread.decodeMs.toFixed(0)} ms`,
      `  stall ratio (decoder thread / baseline): ${ratio.toFixed(3)}`,
      '',
    ].join('\n'),
  );
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...summary, stallRatio: ratio, here, there }, null, 2)}\n`);
}

await main();
