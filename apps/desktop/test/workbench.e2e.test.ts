import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, login, request, unwrap } from '../../server/test/support/clients.js';
import { plainReply, postAsGateway } from '../../server/test/support/mail-gateway.js';
import { type UpdaterPort, UpdateService } from '../src/main/services/updates/update-service.js';
import { adminApi } from './support/admin-api.js';
import { mainServices, tempDir } from './support/fakes.js';
import { gradientPng } from './support/png.js';
import { ADA, ALICE, BOB, DEMO_PASSWORD, ServerProcess } from './support/server-process.js';
import { Visitor } from './support/visitor.js';
import { bindWorkbenchHost, launchChromium, openWorkbench, VIEWPORT } from './support/workbench-page.js';

const DESKTOP_DIR = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SCREENSHOT_PNG = gradientPng(320, 200);
const INVOICE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Polls until `check` passes (no timing assertions: only a generous upper bound). */
async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A new page of `context` whose uncaught errors land in `errors`. */
async function pageCollecting(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('Dropped a server'))
      errors.push(message.text());
  });
  return page;
}

/** Signs in with the web workbench's form and waits until the server is reachable. */
/** What the server shares with its mail gateway: replies by email come back into conversations. */
const INBOUND_SECRET = 'the-workbench-suite-mail-gateway-secret';

async function signInWithForm(web: Page, email: string): Promise<void> {
  await web.getByLabel('Email').fill(email);
  await web.getByLabel('Password').fill(DEMO_PASSWORD);
  await web.getByRole('button', { name: 'Sign in' }).click();
  await web.getByTestId('reachability').getByText('Server reachable').waitFor();
}

describe('the web workbench against a real server, bridged to the real main-process handlers', () => {
  // The demo's mailbox (.eml files in the data directory), answers due a second after they are sent.
  // One try per email: a failure is given up at once.
  const server = new ServerProcess({
    email: { delaySeconds: 1, pollMilliseconds: 200, maxAttempts: 1, inboundSecret: INBOUND_SECRET },
  });
  const dataDir = tempDir();
  const visitors: Visitor[] = [];
  let browser: Browser;
  let workbench: Awaited<ReturnType<typeof openWorkbench>>;
  let page: Page;

  const row = (conversationId: string) =>
    page.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
  const tab = (conversationId: string) =>
    page.locator(`[data-testid="tab"][data-conversation-id="${conversationId}"]`);
  const account = () => ({ serverUrl: server.url, userId: aliceId });
  let aliceId = '';

  /** Opens a conversation from whichever list holds it, and takes it if it is still queued. */
  async function openAndOwn(visitor: Visitor) {
    await eventually(async () => {
      for (const view of ['mine', 'queue', 'unassigned']) {
        await page.getByTestId(`view-${view}`).click();
        if ((await row(visitor.conversationId).count()) > 0) return;
      }
      throw new Error('conversation not listed yet');
    });
    await row(visitor.conversationId).click();
    const take = page.getByTestId('take');
    if (await take.isVisible()) await take.click();
    await eventually(async () => expect(await page.getByTestId('composer').isVisible()).toBe(true));
    await eventually(async () => expect(await page.getByTestId('internal-toggle').isDisabled()).toBe(false));
  }

  async function send(text: string) {
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('composer').press('Enter');
  }

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url)), 'build'],
      {
        cwd: DESKTOP_DIR,
        stdio: 'ignore',
      },
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    await server.start();
    browser = await launchChromium();
    workbench = await openWorkbench(browser, server.url, dataDir);
    page = workbench.page;
  });

  afterAll(async () => {
    for (const v of visitors) v.close();
    await browser?.close();
    await server.dispose();
  });

  it('logs in with server URL, email and password, and keeps the session through the keychain', async () => {
    await page.getByLabel('Email').fill(ALICE);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(async () =>
      expect(await page.getByTestId('reachability').textContent()).toContain('Server reachable'),
    );
    const stored = workbench.services.sessions.load();
    expect(stored?.user.email).toBe(ALICE);
    aliceId = stored?.user.id ?? '';
  });

  it('a new chat arrives and a notification is recorded', async () => {
    const vera = await Visitor.join(server.url, 'Vera', {
      pageUrl: 'https://shop.example/cart',
      pageTitle: 'Your cart',
    });
    visitors.push(vera);
    await vera.say('Hello, is anyone there?');
    await eventually(() => {
      const shown = workbench.host.notifications.find((n) => n.conversationId === vera.conversationId);
      expect(shown?.body).toContain('Vera');
    });
  });

  it('three chats in tabs, messages both ways', async () => {
    visitors.push(
      await Visitor.join(server.url, 'Wen', { custom: { plan: 'Pro' } }),
      await Visitor.join(server.url, 'Xavier'),
    );
    for (const v of visitors) {
      await openAndOwn(v);
      await send(`Hi ${v.session.visitorId.slice(0, 4)}, this is Alice.`);
    }
    expect(await page.getByTestId('tab').count()).toBe(3);
    for (const v of visitors) {
      await eventually(() =>
        expect(v.received.some((m) => m.body.startsWith('Hi ') && m.sender.kind === 'agent')).toBe(true),
      );
      await v.say(`Reply from ${v.session.visitorId.slice(0, 4)}`);
    }
    for (const v of visitors) {
      await tab(v.conversationId).getByRole('tab').click();
      await eventually(async () =>
        expect(await page.getByTestId('timeline').textContent()).toContain(
          `Reply from ${v.session.visitorId.slice(0, 4)}`,
        ),
      );
    }
    // Ctrl+1 goes to the first tab.
    await page.keyboard.press('Control+1');
    await eventually(async () =>
      expect(
        await tab(visitors[0]?.conversationId ?? '')
          .getByRole('tab')
          .getAttribute('aria-selected'),
      ).toBe('true'),
    );
  });

  it('shows on each open chat’s row how long its visitor has waited for a reply, until the reply goes out', async () => {
    const waitOn = (v: Visitor) => row(v.conversationId).getByTestId('awaiting-reply');
    await page.getByTestId('view-mine').click();
    // Each visitor had the last word in the test before.
    for (const v of visitors) {
      await eventually(async () => expect(await waitOn(v).textContent()).toMatch(/^waiting \d+/));
    }
    // Wen gets an answer, Xavier an internal note; Vera's chat stays as it was for the tests after.
    const [vera, wen, xavier] = visitors as [Visitor, Visitor, Visitor];
    expect(await waitOn(vera).getAttribute('title')).toMatch(/waited for a reply since \d/);
    await tab(wen.conversationId).getByRole('tab').click();
    await send('Thanks, I am looking into it now.');
    await eventually(async () => expect(await waitOn(wen).count()).toBe(0));
    expect(await row(wen.conversationId).textContent()).toContain('Thanks, I am looking into it now.');
    await tab(xavier.conversationId).getByRole('tab').click();
    await page.getByTestId('internal-toggle').check();
    await send('Checking the order system first.');
    await page.getByTestId('internal-toggle').uncheck();
    await eventually(async () => expect(await page.getByTestId('sync-state').textContent()).toBe('Synced'));
    expect(await page.getByTestId('timeline').textContent()).toContain('Checking the order system first.');
    // The row says it is a note, which Xavier never saw.
    await eventually(async () =>
      expect(await row(xavier.conversationId).textContent()).toContain(
        'Note: Checking the order system first.',
      ),
    );
    expect(await waitOn(xavier).count()).toBe(1);
    expect(await waitOn(vera).count()).toBe(1);
  });

  it('inserts a canned reply with its placeholders filled; a placeholder naming nothing is refused, and the admin area says which, for bot answers too', async () => {
    const admin = await adminApi(server.url);
    const body = 'Hi {{visitor.firstName | there}}, {{agent.firstName}} here. How can I help?';
    await admin('/api/canned-replies', { shortcut: 'greet', title: 'Greeting', body, scope: 'global' });
    await admin('/api/canned-replies', {
      shortcut: 'plan',
      title: 'Plan',
      body: 'Your {{custom.plan | current}} plan includes this ({{page.title | see our pricing page}}). — {{team.name}}',
      scope: 'global',
    });
    await expect(
      admin('/api/canned-replies', {
        shortcut: 'typo',
        title: 'Typo',
        body: 'Hi {{visitor.nmae}}',
        scope: 'global',
      }),
    ).rejects.toThrow(/unknown placeholder \{\{visitor\.nmae\}\}/);

    const wen = visitors[1] as Visitor;
    await tab(wen.conversationId).getByRole('tab').click();
    const composer = page.getByTestId('composer');
    const offered = page.getByRole('listbox', { name: 'Canned replies' });
    const options = offered.getByRole('option');
    const picked = () => offered.getByRole('option', { selected: true }).textContent();
    // The arrows pick; with a modifier a key is the window's shortcut, not the list's.
    await composer.fill('/');
    await eventually(async () => expect(await options.count()).toBeGreaterThanOrEqual(2));
    expect(await picked()).toBe(await options.nth(0).textContent());
    await composer.press('ArrowDown');
    expect(await picked()).toBe(await options.nth(1).textContent());
    expect(await composer.getAttribute('aria-activedescendant')).toBe(
      await options.nth(1).getAttribute('id'),
    );
    await composer.press('Control+Tab');
    await eventually(async () =>
      expect(await tab(wen.conversationId).getByRole('tab').getAttribute('aria-selected')).toBe('false'),
    );
    await page.keyboard.press('Control+Shift+Tab');
    await eventually(async () =>
      expect(await tab(wen.conversationId).getByRole('tab').getAttribute('aria-selected')).toBe('true'),
    );
    expect(await composer.inputValue()).toBe('/');

    await composer.fill('/gre');
    await eventually(async () => expect(await offered.textContent()).toContain('Hi Wen, Alice here.'));
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe('Hi Wen, Alice here. How can I help?');
    await composer.press('Enter');
    await eventually(() =>
      expect(wen.received.some((m) => m.body === 'Hi Wen, Alice here. How can I help?')).toBe(true),
    );
    // The site's custom attribute the chat was opened with; the fallback where it gave no page title.
    await composer.fill('/plan');
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe('Your Pro plan includes this (see our pricing page). — Support');
    await composer.fill('');
    // Added by an admin while this list is loaded: offered at once (canned:changed), not a minute on.
    await admin('/api/canned-replies', {
      shortcut: 'ship',
      title: 'Shipping',
      body: 'It ships within a day.',
      scope: 'global',
    });
    await composer.fill('/ship');
    await eventually(async () => expect(await offered.textContent()).toContain('It ships within a day.'));
    await composer.fill('');

    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const errors: string[] = [];
      const web = await pageCollecting(context, errors);
      await web.goto(`${server.url}/app/#/admin`);
      await signInWithForm(web, ADA);
      await web.getByTestId('admin-canned').click();
      // The add form's (each reply's edit form has one too).
      const text = web.getByTestId('canned-body').first();
      await text.fill('Hello {{visitor.nmae}}');
      await eventually(async () =>
        expect(await web.getByRole('alert').textContent()).toBe('Unknown placeholder: {{visitor.nmae}}'),
      );
      expect(await text.getAttribute('aria-invalid')).toBe('true');
      await text.fill('Hello {{visitor.name}}');
      expect(await web.getByRole('alert').count()).toBe(0);
      expect(await web.getByTestId('admin-view').textContent()).toContain('{{visitor.firstName | there}}');
      expect(await web.getByTestId('admin-view').textContent()).toContain('{{custom.<key>}}');

      // A bot's answer may name the visitor, not an agent: a bot has none.
      await web.getByTestId('admin-bot').click();
      await web.getByRole('button', { name: '+ Add an answer' }).click();
      const answer = web.getByTestId('bot-answer').last();
      await answer.fill('{{agent.firstName}} here: we open at 9.');
      await eventually(async () =>
        expect(await web.getByRole('alert').textContent()).toBe(
          'A bot answer cannot use (a bot has no agent name): {{agent.firstName}}',
        ),
      );
      expect(await answer.getAttribute('aria-invalid')).toBe('true');
      await answer.fill('Hi {{visitor.firstName | there}}, we open at 9.');
      expect(await web.getByRole('alert').count()).toBe(0);
      await web.screenshot({ path: path.join(ARTIFACTS, 'admin-bot-answers.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('moves around by keyboard: the search box, the list, the chat waiting longest for a reply, and the list of shortcuts', async () => {
    const [vera, , xavier] = visitors as [Visitor, Visitor, Visitor];
    const activeChat = () =>
      page.locator('[data-testid="tab"]:has([aria-selected="true"])').getAttribute('data-conversation-id');
    await page.getByTestId('view-mine').click();
    await page.getByTestId('composer').focus();
    await page.keyboard.press('Control+KeyK');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'search-input',
    );

    // Alt+↓ and Alt+↑ open the next and the previous conversation of the list on screen.
    const listed = await page
      .getByTestId('conversation-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-conversation-id')));
    expect(listed.length).toBeGreaterThanOrEqual(3);
    await row(listed[0] ?? '').click();
    await eventually(async () => expect(await activeChat()).toBe(listed[0]));
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(async () => expect(await activeChat()).toBe(listed[1]));
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(async () => expect(await activeChat()).toBe(listed[2]));
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(async () => expect(await activeChat()).toBe(listed[1]));

    // A visitor writing moves the chat to the top (the server pushes no list update for a taken chat).
    const bottom = visitors.find((v) => v.conversationId === listed.at(-1));
    if (!bottom) throw new Error('the list holds a chat of no visitor here');
    await bottom.say('Is anyone there?');
    await eventually(async () =>
      expect(await page.getByTestId('conversation-row').first().getAttribute('data-conversation-id')).toBe(
        bottom.conversationId,
      ),
    );

    // Alt+Shift+↓: Vera has waited longest for a reply (then Xavier, who got only a note); Wen has his.
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await eventually(async () => expect(await activeChat()).toBe(vera.conversationId));
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await eventually(async () => expect(await activeChat()).toBe(xavier.conversationId));

    // Alt+T and Alt+R open the open chat's transfer and resolve dialogs.
    for (const [key, title] of [
      ['Alt+KeyT', 'Transfer conversation'],
      ['Alt+KeyR', 'Resolve conversation'],
    ] as const) {
      await page.keyboard.press(key);
      const dialog = page.getByRole('dialog', { name: title });
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await eventually(async () => expect(await dialog.count()).toBe(0));
    }

    // Ctrl+/ lists them all, in this computer's keys; Escape closes the list.
    await page.keyboard.press('Control+Slash');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.getByTestId('shortcuts').textContent()).toMatch(
      /Search messages and visitors\s*Ctrl\s*K/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'keyboard-shortcuts.png') });
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await help.count()).toBe(0));
    // Settings leads there too.
    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-shortcuts').click();
    await help.waitFor();
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await help.count()).toBe(0));
  });

  it("lists a returning visitor's earlier chats in the visitor panel, also one a colleague had that this workbench never saw", async () => {
    const vince = await Visitor.join(server.url, 'Vince Returning');
    const bob = await connectAgent(
      server.url,
      (await login(server.url, BOB, DEMO_PASSWORD)).tokens.accessToken,
    );
    // A workbench signed in after the earlier chat ended: it holds nothing of it.
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const earlier = vince.conversationId;
      await vince.say('Where is my refund?');
      unwrap(await request(bob, 'conversation:take', { conversationId: earlier }));
      unwrap(
        await request(bob, 'message:send', {
          conversationId: earlier,
          clientMsgId: crypto.randomUUID(),
          body: 'It went out this morning.',
        }),
      );
      unwrap(await request(bob, 'conversation:resolve', { conversationId: earlier }));
      await vince.openAnother();

      const errors: string[] = [];
      const web = await pageCollecting(context, errors);
      const historyAsks: string[] = [];
      web.on('request', (r) => {
        if (r.url().includes(`visitorId=${vince.session.visitorId}`)) historyAsks.push(r.url());
      });
      await web.goto(`${server.url}/app/`);
      await signInWithForm(web, ALICE);
      await web.getByTestId('view-queue').click();
      await web
        .locator(`[data-testid="conversation-row"][data-conversation-id="${vince.conversationId}"]`)
        .click();
      await web.getByTestId('take').click();
      const history = web.getByTestId('visitor-panel').getByTestId('visitor-history');
      const entry = history.locator(`[data-conversation-id="${earlier}"]`);
      await eventually(async () => expect(await entry.count()).toBe(1));
      expect(await entry.textContent()).toMatch(/resolved · with Bob Agent\s*It went out this morning\./);
      await web.screenshot({ path: path.join(ARTIFACTS, 'visitor-history.png') });

      await entry.click();
      await eventually(async () =>
        expect(await web.getByTestId('timeline').textContent()).toContain('It went out this morning.'),
      );
      // Back and forth between Vince's two chats: the server was asked for his history once.
      await web
        .locator(`[data-testid="tab"][data-conversation-id="${vince.conversationId}"]`)
        .getByRole('tab')
        .click();
      await eventually(async () => expect(await entry.count()).toBe(1));
      expect(historyAsks).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      bob.disconnect();
      vince.close();
    }
  });

  it('a take answered after the agent moved to another chat leaves them on that chat', async () => {
    const tara = await Visitor.join(server.url, 'Tara Taken');
    const sam = await Visitor.join(server.url, 'Sam Second');
    const context = await browser.newContext({ viewport: VIEWPORT });
    const errors: string[] = [];
    let release = () => {};
    const answer = new Promise<void>((resolve) => {
      release = resolve;
    });
    let takeId: string | null = null;
    try {
      const web = await pageCollecting(context, errors);
      // The server's answer to the take is held back until the agent has moved on.
      await web.routeWebSocket(/\/socket\.io\//, (ws) => {
        const server = ws.connectToServer();
        ws.onMessage((frame) => {
          takeId ??= /^42\/agent,(\d+)\["conversation:take"/.exec(String(frame))?.[1] ?? null;
          server.send(frame);
        });
        server.onMessage((frame) => {
          if (takeId !== null && String(frame).startsWith(`43/agent,${takeId}[`)) {
            void answer.then(() => ws.send(frame));
          } else ws.send(frame);
        });
      });
      await web.goto(`${server.url}/app/`);
      await signInWithForm(web, ALICE);
      await web.getByTestId('view-queue').click();
      const rowOf = (v: Visitor) =>
        web.locator(`[data-testid="conversation-row"][data-conversation-id="${v.conversationId}"]`);
      await rowOf(tara).click();
      await web.getByTestId('take').click();
      await eventually(() => expect(takeId).not.toBeNull());
      await rowOf(sam).click();
      const inFront = () =>
        web.locator('[data-testid="tab"]:has([aria-selected="true"])').getAttribute('data-conversation-id');
      await eventually(async () => expect(await inFront()).toBe(sam.conversationId));

      release();
      // Tara's chat is Alice's now, in its tab; Sam's stays in front.
      await web.getByTestId('view-mine').click();
      await eventually(async () => expect(await rowOf(tara).count()).toBe(1));
      expect(await inFront()).toBe(sam.conversationId);
      expect(errors).toEqual([]);
    } finally {
      release();
      await context.close();
      tara.close();
      sam.close();
    }
  });

  it('attaches a picked file over HTTP and sends it; a file that is not what it claims is refused with a toast', async () => {
    const visitor = visitors[0];
    if (!visitor) throw new Error('no visitor from the tabs test');
    await tab(visitor.conversationId).getByRole('tab').click();
    const picker = page.locator('input[type="file"]');
    await picker.setInputFiles({
      name: 'forged.png',
      mimeType: 'image/png',
      buffer: Buffer.from('MZ not a picture'),
    });
    await eventually(async () =>
      expect(await page.getByRole('status').first().textContent()).toContain('Upload'),
    );
    await picker.setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.getByRole('button', { name: 'Remove receipt.png' }).waitFor();
    expect(await page.getByRole('button', { name: 'Remove forged.png' }).count()).toBe(0);
    await send('Here is your receipt.');
    await eventually(() => {
      const sent = visitor.received.find((m) => m.body === 'Here is your receipt.');
      expect(sent?.attachment?.fileName).toBe('receipt.png');
      expect(sent?.attachment?.mimeType).toBe('image/png');
    });
  });

  it("shows a visitor's image from the server's bytes, opens it larger, and offers every attachment for download", async () => {
    const vera = visitors[0] as Visitor;
    await tab(vera.conversationId).getByRole('tab').click();
    const fetched: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().includes('/api/attachments/')) fetched.push(request.url());
    };
    page.on('request', onRequest);
    const naturalWidth = (img: ReturnType<Page['locator']>) =>
      img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0), undefined, {
        timeout: 1_000,
      });

    const picture = await vera.upload('screen shot.png', SCREENSHOT_PNG);
    await vera.say('This is what I see.', picture.id);
    const thumbnail = page.locator(`[data-attachment-id="${picture.id}"] img`);
    await eventually(async () => expect(await naturalWidth(thumbnail)).toBe(320));
    expect(await thumbnail.getAttribute('alt')).toBe('screen shot.png');
    expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
    const box = await thumbnail.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(240);
    expect(box?.height).toBeLessThanOrEqual(180);
    // The agent's own upload from the test above previews as well.
    await eventually(async () =>
      expect(await naturalWidth(page.locator('[data-testid="timeline"] img[alt="receipt.png"]'))).toBe(1),
    );
    await page.getByTestId('timeline').screenshot({ path: `${ARTIFACTS}workbench-attachment-light.png` });
    // The theme follows the OS ("system"): the same timeline in dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(async () =>
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true),
    );
    await page.getByTestId('timeline').screenshot({ path: `${ARTIFACTS}workbench-attachment-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    // Keyboard: the thumbnail is a button; Enter opens the larger view, Escape closes it.
    await page.getByRole('button', { name: 'View screen shot.png larger' }).focus();
    await page.keyboard.press('Enter');
    const viewer = page.getByTestId('image-viewer');
    await eventually(async () => expect(await naturalWidth(viewer.locator('img'))).toBe(320));
    expect(await viewer.locator('img').getAttribute('alt')).toBe('screen shot.png');
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await viewer.count()).toBe(0));
    await thumbnail.click();
    await eventually(async () => expect(await naturalWidth(viewer.locator('img'))).toBe(320));
    await page.screenshot({ path: `${ARTIFACTS}workbench-attachment-viewer.png` });
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await viewer.count()).toBe(0));

    // Bubbles unmount and mount again (another tab and back): the bytes are fetched once per page.
    const other = visitors[1] as Visitor;
    await tab(other.conversationId).getByRole('tab').click();
    await eventually(async () => expect(await thumbnail.count()).toBe(0));
    await tab(vera.conversationId).getByRole('tab').click();
    await eventually(async () => expect(await naturalWidth(thumbnail)).toBe(320));
    expect(fetched.filter((url) => url.endsWith(picture.id))).toHaveLength(1);

    // A PDF is never shown inline; Download saves it under its name.
    const invoice = await vera.upload('invoice.pdf', INVOICE_PDF);
    await vera.say('And the invoice.', invoice.id);
    const invoiceBubble = page.locator(`[data-attachment-id="${invoice.id}"]`);
    await invoiceBubble.waitFor();
    expect(await invoiceBubble.locator('img').count()).toBe(0);
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download invoice.pdf' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('invoice.pdf');
    expect(readFileSync(await pdf.path())).toEqual(INVOICE_PDF);

    // Whatever the server answers, only an allowed image type is ever shown inline (SECURITY S9).
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=3"><rect width="9" height="9"/></svg>';
    await page.route('**/api/attachments/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }),
    );
    const disguised = await vera.upload('disguised.png', SCREENSHOT_PNG);
    await vera.say('', disguised.id);
    const disguisedBubble = page.locator(`[data-attachment-id="${disguised.id}"]`);
    await eventually(async () =>
      expect(
        await disguisedBubble.getByTestId('attachment-unavailable').textContent({ timeout: 1_000 }),
      ).toBe('Preview unavailable'),
    );
    expect(await disguisedBubble.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.unroute('**/api/attachments/**');

    // A preview that cannot be fetched says so; Download tries again and then the preview shows.
    await page.route('**/api/attachments/**', (route) => route.abort());
    const lost = await vera.upload('lost.png', SCREENSHOT_PNG);
    await vera.say('', lost.id);
    const lostBubble = page.locator(`[data-attachment-id="${lost.id}"]`);
    await eventually(async () =>
      expect(await lostBubble.getByTestId('attachment-unavailable').textContent({ timeout: 1_000 })).toBe(
        'Preview unavailable',
      ),
    );
    expect(await lostBubble.locator('img').count()).toBe(0);
    await page.unroute('**/api/attachments/**');
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download lost.png' }).click(),
    ]);
    expect(saved.suggestedFilename()).toBe('lost.png');
    await eventually(async () => expect(await naturalWidth(lostBubble.locator('img'))).toBe(320));
    page.off('request', onRequest);
    expect(workbench.errors).toEqual([]);
  });

  it('with the server down, 5 messages wait in the outbox and are delivered exactly once after it returns', async () => {
    const vera = visitors[0] as Visitor;
    await tab(vera.conversationId).getByRole('tab').click();
    await server.stop();
    await eventually(async () =>
      expect(await page.getByTestId('reachability').textContent()).toContain('unreachable'),
    );
    const bodies = [1, 2, 3, 4, 5].map((i) => `offline message ${i}`);
    for (const body of bodies) await send(body);
    await eventually(async () =>
      expect(await page.getByTestId('sync-state').textContent()).toBe('5 pending'),
    );
    expect(await page.locator('[data-testid="message"][data-state="pending"]').count()).toBe(5);
    const outbox = await workbench.handlers['outbox:list'](account());
    expect(outbox.map((i) => i.body)).toEqual(bodies);

    await server.start();
    await eventually(
      async () => expect(await page.getByTestId('sync-state').textContent()).toBe('Synced'),
      30_000,
    );
    const transcript = await eventually(async () => {
      const t = await vera.transcript();
      expect(t.filter((m) => m.body.startsWith('offline message')).length).toBe(5);
      return t;
    });
    expect(transcript.filter((m) => m.body.startsWith('offline message')).map((m) => m.body)).toEqual(bodies);
    expect(new Set(transcript.map((m) => m.clientMsgId)).size).toBe(transcript.length);
    expect(await workbench.handlers['outbox:list'](account())).toEqual([]);
    expect(await page.locator('[data-testid="message"][data-state="pending"]').count()).toBe(0);
  });

  it("renders a visitor's HTML as text", async () => {
    const vera = visitors[0] as Visitor;
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await vera.say(payload);
    await eventually(async () => expect(await page.getByTestId('timeline').textContent()).toContain(payload));
    // Attachment thumbnails are the timeline's only images.
    expect(
      await page
        .locator(
          '[data-testid="timeline"] img:not([data-testid="attachment-image"]), [data-testid="timeline"] script',
        )
        .count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('finds messages by their words and visitors by their name, shows snippets as text, and opens the chat from a hit', async () => {
    const vera = visitors[0] as Visitor;
    const selectedTab = () => page.locator('[data-testid="tab"]:has([aria-selected="true"])');
    const other = visitors.find((v) => v !== vera) as Visitor;
    await tab(other.conversationId).getByRole('tab').click();
    await eventually(async () =>
      expect(await selectedTab().getAttribute('data-conversation-id')).toBe(other.conversationId),
    );

    const hit = page.locator(`[data-testid="search-hit"][data-conversation-id="${vera.conversationId}"]`);
    await page.getByTestId('search-input').fill('onerror');
    // The index trails the messages by a moment: search again until it has the message.
    await eventually(async () => {
      await page.getByTestId('search-input').press('Enter');
      expect(await hit.count()).toBeGreaterThan(0);
    });
    expect(await hit.first().textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('[data-testid="search-results"] :is(img, script)').count()).toBe(0);
    // The word searched for is marked, the markup around it still text.
    expect(await hit.first().locator('mark').allTextContents()).toEqual(['onerror']);
    // An agent's answer says who wrote it, not only whose chat it is.
    const wen = visitors[1] as Visitor;
    const answer = page.locator(`[data-testid="search-hit"][data-conversation-id="${wen.conversationId}"]`);
    await page.getByTestId('search-input').fill('looking into');
    await eventually(async () => {
      await page.getByTestId('search-input').press('Enter');
      expect(await answer.count()).toBe(1);
    });
    expect(await answer.textContent()).toMatch(/^Alice Agent to Wen/);
    await page.getByTestId('search-input').fill('onerror');
    await page.getByTestId('search-input').press('Enter');
    await eventually(async () => expect(await hit.count()).toBeGreaterThan(0));
    expect(await page.getByTestId('conversation-list').isVisible()).toBe(false);

    await hit.first().click();
    await eventually(async () =>
      expect(await selectedTab().getAttribute('data-conversation-id')).toBe(vera.conversationId),
    );
    // A visitor's name finds their conversation, though no message says it.
    const xavier = visitors[2] as Visitor;
    const byVisitor = page.locator(
      `[data-testid="search-conversation"][data-conversation-id="${xavier.conversationId}"]`,
    );
    await page.getByTestId('search-input').fill('XAV');
    await page.getByTestId('search-input').press('Enter');
    await eventually(async () => expect(await byVisitor.count()).toBe(1));
    expect(await byVisitor.textContent()).toMatch(/^Xavier.*open$/);
    expect(await byVisitor.locator('mark').allTextContents()).toEqual(['Xavier']);
    expect(await page.getByTestId('search-results').textContent()).toContain('No messages found.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-search-visitor.png') });
    await byVisitor.click();
    await eventually(async () =>
      expect(await selectedTab().getAttribute('data-conversation-id')).toBe(xavier.conversationId),
    );

    await page.getByTestId('search-input').fill('zzzunfindable');
    await page.getByTestId('search-input').press('Enter');
    // The search before also found no message: the visitors going tells that this one answered.
    await eventually(async () => expect(await page.getByTestId('search-conversations').count()).toBe(0));
    expect(await page.getByTestId('search-results').textContent()).toContain('No messages found.');
    expect(await page.getByTestId('search-offline').count()).toBe(0);
    await page.getByTestId('search-input').press('Escape');
    expect(await page.getByTestId('conversation-list').isVisible()).toBe(true);
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
  });

  it('searches within a period: today, a range of days, and says when a range is backwards', async () => {
    const vera = visitors[0] as Visitor;
    const hit = page.locator(`[data-testid="search-hit"][data-conversation-id="${vera.conversationId}"]`);
    const byVisitor = page.locator(
      `[data-testid="search-conversation"][data-conversation-id="${vera.conversationId}"]`,
    );
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv');
    await page.getByTestId('search-input').fill('onerror');
    await page.getByTestId('search-period').selectOption('today');
    // Choosing a period searches again at once: Vera wrote today.
    await eventually(async () => expect(await hit.count()).toBeGreaterThan(0));

    await page.getByTestId('search-period').selectOption('custom');
    await page.getByTestId('search-from').fill(day(-1));
    await page.getByTestId('search-to').fill(day(-1));
    await eventually(async () => expect(await hit.count()).toBe(0));
    expect(await page.getByTestId('search-results').textContent()).toContain(
      'No messages found in this period.',
    );
    // Nor is her conversation one of yesterday's.
    await page.getByTestId('search-input').fill('vera');
    await page.getByTestId('search-input').press('Enter');
    await eventually(async () =>
      expect(await page.getByTestId('search-results').getAttribute('aria-busy')).toBe('false'),
    );
    expect(await byVisitor.count()).toBe(0);
    await page.getByTestId('search-to').fill(day(0));
    await eventually(async () => expect(await byVisitor.count()).toBe(1));

    // A range that ends before it starts is said so, and not searched.
    await page.getByTestId('search-input').fill('onerror');
    await page.getByTestId('search-from').fill(day(1));
    expect(await page.getByTestId('search-period-invalid').textContent()).toBe(
      'The first day is after the last.',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-search-period.png') });
    await page.getByTestId('search-from').fill(day(0));
    await eventually(async () => expect(await hit.count()).toBeGreaterThan(0));
    expect(await page.getByTestId('search-period-invalid').count()).toBe(0);

    await page.getByTestId('search-period').selectOption('any');
    await page.getByTestId('search-input').press('Escape');
    expect(await page.getByTestId('conversation-list').isVisible()).toBe(true);
  });

  it('shows who else has the chat in front, and a colleague typing in it (collision control)', async () => {
    const vera = visitors[0] as Visitor;
    await tab(vera.conversationId).getByRole('tab').click();
    // Ada, an admin, opens the same chat in a browser from a search hit.
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const errors: string[] = [];
      const ada = await pageCollecting(context, errors);
      await ada.goto(`${server.url}/app/`);
      await signInWithForm(ada, ADA);
      const hit = ada.locator(`[data-testid="search-hit"][data-conversation-id="${vera.conversationId}"]`);
      await ada.getByTestId('search-input').fill('onerror');
      await eventually(async () => {
        await ada.getByTestId('search-input').press('Enter');
        expect(await hit.count()).toBeGreaterThan(0);
      });
      await hit.first().click();
      await eventually(async () =>
        expect(await page.getByTestId('viewers').textContent()).toBe('Also here: Ada Admin'),
      );
      // Alice is the assignee: her having it open is said beside her name, not as a collision.
      await eventually(async () =>
        expect(await ada.getByTestId('assignee').textContent()).toBe('Alice Agent · has it open'),
      );
      expect(await ada.getByTestId('viewers').count()).toBe(0);

      // Alice starts a reply: Ada sees who is typing, and stops seeing it when Alice clears it.
      await page.getByTestId('composer').fill('Let me look into');
      await eventually(async () =>
        expect(await ada.getByTestId('typing').textContent()).toBe('Alice Agent is typing…'),
      );
      await page.getByTestId('composer').fill('');
      await eventually(async () => expect(await ada.getByTestId('typing').textContent()).toBe(''));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    // Ada's page is gone: Alice no longer sees her.
    await eventually(async () => expect(await page.getByTestId('viewers').count()).toBe(0));
  });

  it('with the server down, search finds the messages in the local cache, says so, and opens the chat from a hit', async () => {
    const vera = visitors[0] as Visitor;
    const other = visitors.find((v) => v !== vera) as Visitor;
    // More matches than a page holds, kept on this device as they arrive.
    for (let i = 1; i <= 35; i++) await other.say(`quokka sighting ${i}`);
    await eventually(async () =>
      expect(await workbench.handlers['cache:search']({ ...account(), q: 'quokka', limit: 50 })).toHaveLength(
        35,
      ),
    );
    await tab(other.conversationId).getByRole('tab').click();
    await server.stop();
    try {
      await eventually(async () =>
        expect(await page.getByTestId('reachability').textContent()).toContain('unreachable'),
      );
      // The status it last had is not what the server sees now: no chat can arrive.
      expect(await page.getByTestId('status-dot').getAttribute('data-connected')).toBe('false');
      await page.getByTestId('search-input').fill('onerror');
      await page.getByTestId('search-input').press('Enter');
      const hit = page.locator(`[data-testid="search-hit"][data-conversation-id="${vera.conversationId}"]`);
      await eventually(async () => expect(await hit.count()).toBeGreaterThan(0));
      expect(await page.getByTestId('search-offline').textContent()).toContain('out of reach');
      await page.screenshot({ path: `${ARTIFACTS}workbench-search-offline.png` });
      expect(await hit.first().textContent()).toContain('<img src=x onerror=');
      expect(await page.locator('[data-testid="search-results"] :is(img, script)').count()).toBe(0);
      // The same answer the main-process cache gives: the page searched the real cache file.
      const cached = await workbench.handlers['cache:search']({ ...account(), q: 'onerror', limit: 30 });
      expect(await page.getByTestId('search-hit').count()).toBe(cached.length);
      // Within a period there too: nothing of Vera's was written yesterday.
      const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv');
      await page.getByTestId('search-period').selectOption('custom');
      await page.getByTestId('search-from').fill(yesterday);
      await page.getByTestId('search-to').fill(yesterday);
      await eventually(async () => expect(await hit.count()).toBe(0));
      expect(await page.getByTestId('search-offline').count()).toBe(1);
      await page.getByTestId('search-period').selectOption('today');
      await eventually(async () => expect(await hit.count()).toBeGreaterThan(0));
      await page.getByTestId('search-period').selectOption('any');
      // Page after page, from the cache too.
      await page.getByTestId('search-input').fill('quokka');
      await page.getByTestId('search-input').press('Enter');
      const quokkas = page.locator('[data-testid="search-hit"]', { hasText: 'quokka' });
      await eventually(async () => expect(await quokkas.count()).toBe(30));
      await page.getByTestId('search-more').click();
      await eventually(async () => expect(await quokkas.count()).toBe(35));
      expect(await page.getByTestId('search-more').count()).toBe(0);
      const seen = (await quokkas.allTextContents()).map((text) =>
        Number(/quokka sighting (\d+)/.exec(text)?.[1]),
      );
      expect(seen).toEqual(Array.from({ length: 35 }, (_, i) => 35 - i));
      // Visitors by name, from the conversations kept here.
      await page.getByTestId('search-input').fill('vera');
      await page.getByTestId('search-input').press('Enter');
      const byVisitor = page.locator(
        `[data-testid="search-conversation"][data-conversation-id="${vera.conversationId}"]`,
      );
      await eventually(async () => expect(await byVisitor.count()).toBe(1));
      await page.getByTestId('search-input').fill('onerror');
      await page.getByTestId('search-input').press('Enter');
      await eventually(async () => expect(await page.getByTestId('search-conversations').count()).toBe(0));

      await hit.first().click();
      await eventually(async () =>
        expect(
          await page
            .locator('[data-testid="tab"]:has([aria-selected="true"])')
            .getAttribute('data-conversation-id'),
        ).toBe(vera.conversationId),
      );
      expect(await page.getByTestId('search-offline').count()).toBe(1);
    } finally {
      await server.start();
    }
    await eventually(
      async () => expect(await page.getByTestId('sync-state').textContent()).toBe('Synced'),
      30_000,
    );
    await eventually(async () =>
      expect(await page.getByTestId('status-dot').getAttribute('data-connected')).toBe('true'),
    );
    // The hits shown came from this device: with the server back, the search is asked of it again.
    await eventually(async () => expect(await page.getByTestId('search-offline').count()).toBe(0));
    expect(await page.getByTestId('search-hit').count()).toBeGreaterThan(0);
    await page.getByTestId('search-input').press('Escape');
  });

  it('takes screenshots with several tabs in both themes, and in Simplified Chinese', async () => {
    await page.getByTestId('view-mine').click();
    await page.getByTestId('internal-toggle').check();
    await send('Refund approved by billing (internal note).');
    await (visitors[1] as Visitor).say('Are you still there?');
    await eventually(async () => expect(await page.getByTestId('tab-unread').count()).toBe(1));
    await eventually(async () => expect(await page.getByTestId('sync-state').textContent()).toBe('Synced'));
    await page.screenshot({ path: `${ARTIFACTS}workbench-light.png` });
    await page.getByTestId('open-settings').click();
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await eventually(async () =>
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true),
    );
    await page.screenshot({ path: `${ARTIFACTS}workbench-dark.png` });

    // The same workbench in Simplified Chinese, then back to English for the tests after this one.
    const language = async (locale: 'en' | 'zh-CN', mine: string) => {
      await page.getByTestId('open-settings').click();
      await page.getByTestId('settings-language').selectOption(locale);
      await page.keyboard.press('Escape');
      await eventually(async () => expect(await page.getByTestId('view-mine').textContent()).toContain(mine));
    };
    await language('zh-CN', '我的');
    expect(await page.getByTestId('sync-state').textContent()).toBe('已同步');
    await page.screenshot({ path: `${ARTIFACTS}workbench-dark-zh-CN.png` });
    await language('en', 'Mine');
  });

  it('after a reload with the same cache file, conversations and tabs appear before the server answers', async () => {
    // Hold every API call until the cache has painted: the server has not answered anything yet.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held: string[] = [];
    await page.route('**/api/**', async (route) => {
      held.push(route.request().url());
      await gate;
      await route.continue();
    });
    try {
      await page.reload();
      await eventually(async () => expect(await page.getByTestId('tab').count()).toBe(3));
      await page.getByTestId('view-mine').click();
      for (const v of visitors) expect(await row(v.conversationId).count()).toBe(1);
      expect(await page.getByTestId('timeline').textContent()).toContain('offline message 5');
      expect(await page.getByTestId('reachability').textContent()).toContain('unreachable');
      // The session's refresh (started once the cache has painted) is the call being held.
      await eventually(() => expect(held.some((url) => url.endsWith('/api/auth/refresh'))).toBe(true));
    } finally {
      // Let the server answer whatever happens, so a failure here does not stall the tests after it.
      release();
    }
    await eventually(
      async () => expect(await page.getByTestId('reachability').textContent()).toContain('Server reachable'),
      30_000,
    );
    expect(workbench.errors).toEqual([]);
    expect(workbench.rejected).toEqual([]);
  });

  it('follows a change of teams without a reconnect: the old team’s queue leaves the list', async () => {
    const admin = await adminApi(server.url);
    const users = await admin<Array<{ id: string; teamIds: string[] }>>('/api/admin/users');
    const supportTeams = users.find((user) => user.id === aliceId)?.teamIds ?? [];

    // Away, so that the new chat waits in Alice's team queue instead of being given to her.
    await page.getByLabel('Status').selectOption('away');
    const wren = await Visitor.join(server.url, 'Wren');
    visitors.push(wren);
    await wren.say('Can someone help with an invoice?');
    await page.getByTestId('view-queue').click();
    await eventually(async () => expect(await row(wren.conversationId).count()).toBe(1));
    // The row says what she asked, though Alice has never opened the chat.
    await eventually(async () =>
      expect(await row(wren.conversationId).textContent()).toContain('Can someone help with an invoice?'),
    );

    const billing = await admin<{ id: string }>('/api/admin/teams', { name: 'Billing' });
    await admin(`/api/admin/users/${aliceId}`, { teamIds: [billing.id] });
    await eventually(async () => {
      await page.getByTestId('view-queue').click();
      expect(await row(wren.conversationId).count()).toBe(0);
    });
    expect(await page.getByTestId('reachability').textContent()).toContain('Server reachable');

    await admin(`/api/admin/users/${aliceId}`, { teamIds: supportTeams });
    await eventually(async () => {
      await page.getByTestId('view-queue').click();
      expect(await row(wren.conversationId).count()).toBe(1);
    });
    expect(workbench.errors).toEqual([]);
  });

  it('a waiting visitor who leaves a message instead moves from the queue to the unassigned list, showing where to answer and why; her reply by email comes back marked so', async () => {
    // Alice is still away (above): the chat waits in the team queue.
    const yara = await Visitor.join(server.url, 'Yara');
    visitors.push(yara);
    await yara.say('Please send me the invoice again.');
    await page.getByTestId('view-queue').click();
    await eventually(async () => expect(await row(yara.conversationId).count()).toBe(1));

    await yara.leaveMessage('yara@example.test');
    // Alice is told once, with what Yara wrote; nothing rings.
    await eventually(() => {
      const told = workbench.host.notifications.filter((n) => n.conversationId === yara.conversationId);
      expect(told.map((n) => [n.title, n.body, n.urgent])).toContainEqual([
        'A visitor left a message',
        'Yara: Please send me the invoice again.',
        false,
      ]);
    });
    await eventually(async () => {
      await page.getByTestId('view-queue').click();
      expect(await row(yara.conversationId).count()).toBe(0);
    });
    await page.getByTestId('view-unassigned').click();
    await eventually(async () =>
      expect(await row(yara.conversationId).textContent()).toContain('Please send me the invoice again.'),
    );
    await row(yara.conversationId).click();
    await eventually(async () =>
      expect(await page.getByTestId('reply-to').textContent()).toBe('yara@example.test'),
    );
    await eventually(async () =>
      expect(await page.getByTestId('timeline').textContent()).toContain('Left the queue as a message'),
    );

    // Answered like any left message: Alice takes it and replies; Yara, still connected, gets it.
    await page.getByTestId('take').click();
    await eventually(async () => expect(await page.getByTestId('internal-toggle').isDisabled()).toBe(false));
    expect(await page.getByTestId('reply-to-emailed').textContent()).toBe(
      'Your replies are emailed there 1 second after you send them, unless the visitor reads them in the chat first. Your files go with them, up to 10 MB in all.',
    );
    await send('Sent again, Yara: check your inbox.');
    await eventually(() =>
      expect(yara.received.map((m) => m.body)).toContain('Sent again, Yara: check your inbox.'),
    );
    // Yara has not read it in the chat: a second later it is emailed, and the chat says so.
    await eventually(async () =>
      expect(await page.getByTestId('system-message').allTextContents()).toContain(
        'Emailed the answer to yara@example.test.',
      ),
    );
    const mailbox = path.join(server.dataDir, 'mail');
    const [email] = readdirSync(mailbox).map((name) => readFileSync(path.join(mailbox, name), 'utf8'));
    expect(email).toContain('To: yara@example.test');
    // Quoted-printable: joined at its soft line breaks, the ASCII reads as written.
    expect(email?.replace(/=\r?\n/g, '')).toContain('Sent again, Yara: check your inbox.');

    // The mailbox can no longer be written (a file where its directory was): the next answer's
    // email fails, the chat says so in red and Alice is notified, whatever she has in front.
    rmSync(mailbox, { recursive: true, force: true });
    writeFileSync(mailbox, '');
    try {
      await send('And the receipt is attached to it.');
      const failed = page
        .getByTestId('system-message')
        .filter({ hasText: 'Could not email the answer to yara@example.test' });
      await failed.waitFor();
      expect(await failed.getAttribute('class')).toContain('text-red-700');
      await eventually(() =>
        expect(
          workbench.host.notifications
            .filter((n) => n.conversationId === yara.conversationId)
            .map((n) => n.title),
        ).toContain('An answer could not be emailed'),
      );
    } finally {
      rmSync(mailbox, { force: true });
    }

    // Yara answers the email from her mail program: her reply is in the chat, marked as by email.
    const answered = /^Message-ID: (<[^>]+>)/m.exec(email ?? '')?.[1];
    const reply = plainReply({
      from: 'Yara <yara@example.test>',
      answers: answered ?? '',
      text: 'Found it, thank you!',
      quoted: 'Sent again, Yara: check your inbox.',
    });
    const posted = await postAsGateway(server.url, reply, { secret: INBOUND_SECRET });
    expect(posted.status).toBe(200);
    const byEmail = page.getByTestId('message').filter({ hasText: 'Found it, thank you!' });
    await byEmail.waitFor();
    expect(await byEmail.getByTestId('message-via').textContent()).toBe('by email');
    expect(await byEmail.textContent()).not.toContain('Sent again');
    expect(
      await page
        .getByTestId('message')
        .filter({ hasText: 'Please send me the invoice again.' })
        .getByTestId('message-via')
        .count(),
    ).toBe(0);
    expect(workbench.errors).toEqual([]);
  });

  it('settings offer to keep the desktop app running in the tray (on by default) and to start it at sign-in (off), saved by main', async () => {
    await page.getByTestId('open-settings').click();
    try {
      const keep = page.locator('input[name="keepRunningInTray"]');
      expect(await keep.isChecked()).toBe(true);
      expect(workbench.services.settings.load().keepRunningInTray).toBe(true);
      await keep.uncheck();
      await eventually(() => expect(workbench.services.settings.load().keepRunningInTray).toBe(false));
      await keep.check();
      await eventually(() => expect(workbench.services.settings.load().keepRunningInTray).toBe(true));
      const atLogin = page.locator('input[name="openAtLogin"]');
      expect(await atLogin.isChecked()).toBe(false);
      await atLogin.check();
      await eventually(() => expect(workbench.services.settings.load().openAtLogin).toBe(true));
      expect(workbench.host.savedSettings.at(-1)?.openAtLogin).toBe(true);
      await atLogin.uncheck();
      await eventually(() => expect(workbench.services.settings.load().openAtLogin).toBe(false));
    } finally {
      await page.getByRole('button', { name: 'Close', exact: true }).click();
    }
  });

  it('offers to restart into a downloaded update, and main installs it at once', async () => {
    // electron-updater's side as a recording double: 2.0.0 found and downloaded.
    const installs: unknown[][] = [];
    const updater = {
      autoDownload: false,
      allowDowngrade: false,
      channel: null,
      setFeedURL: () => undefined,
      checkForUpdates: async () => ({
        isUpdateAvailable: true,
        updateInfo: { version: '2.0.0' },
        downloadPromise: Promise.resolve([]),
      }),
      quitAndInstall: (...args: unknown[]) => installs.push(args),
    } as unknown as UpdaterPort;
    const updates = new UpdateService(
      () => ({ check: true, feedUrl: 'https://updates.example.com/', channel: 'latest' }),
      () => updater,
      { autoDownload: true, log: () => undefined },
    );
    await updates.check();
    await eventually(() => expect(updates.status().state).toBe('downloaded'));
    const other = await openWorkbench(browser, server.url, tempDir(), {
      main: mainServices(tempDir(), { updates }),
    });
    try {
      // Ada is an admin: she signs in away, so the chats of the tests above stay where they are.
      await signInWithForm(other.page, ADA);
      await other.page.getByTestId('open-settings').click();
      expect(await other.page.getByTestId('update-status').textContent()).toBe(
        'Version 2.0.0 is ready: it installs when you restart or quit Switchboard.',
      );
      await other.page.screenshot({ path: path.join(ARTIFACTS, 'settings-update-ready.png') });
      await other.page.getByTestId('restart-to-update').click();
      await eventually(() => expect(installs).toEqual([[false, true]]));
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('in a plain browser, asks to turn notifications on, says so when the browser blocks them, follows the browser\'s settings and keeps "Not now" past a reload; the desktop app never asks', async () => {
    expect(await page.getByTestId('notification-permission').count()).toBe(0);
    const context = await browser.newContext({ viewport: VIEWPORT });
    const allowed = await browser.newContext({ viewport: VIEWPORT, permissions: ['notifications'] });
    try {
      const errors: string[] = [];
      const web = await pageCollecting(context, errors);
      await web.goto(`${server.url}/app/`);
      await signInWithForm(web, ADA);
      const banner = web.getByTestId('notification-permission');
      expect(await banner.getAttribute('data-permission')).toBe('default');
      expect(await banner.textContent()).toContain('Turn on notifications to hear of offered chats');
      await web.screenshot({ path: path.join(ARTIFACTS, 'web-notification-permission.png') });
      // Headless Chromium answers the request with a refusal, as a user who blocks the site would.
      await banner.getByRole('button', { name: 'Turn on notifications' }).click();
      await eventually(async () => expect(await banner.getAttribute('data-permission')).toBe('denied'));
      expect(await banner.textContent()).toContain('This browser blocks notifications from Switchboard');
      // The agent allows the site in the browser's settings with the page open: the bar follows.
      await context.grantPermissions(['notifications'], { origin: server.url });
      await eventually(async () => expect(await banner.count()).toBe(0));
      // And back: the refusal recorded earlier applies again.
      await context.clearPermissions();
      await eventually(async () => expect(await banner.getAttribute('data-permission')).toBe('denied'));
      // "Not now" lasts beyond the page: a reload, or another tab of this browser, does not ask again.
      await banner.getByRole('button', { name: 'Not now' }).click();
      expect(await banner.count()).toBe(0);
      await web.reload();
      await web.getByTestId('reachability').getByText('Server reachable').waitFor();
      expect(await web.getByTestId('notification-permission').count()).toBe(0);
      expect(errors).toEqual([]);

      // Where the site may notify, nothing is asked.
      const granted = await pageCollecting(allowed, errors);
      await granted.goto(`${server.url}/app/`);
      await signInWithForm(granted, ADA);
      expect(await granted.evaluate(() => Notification.permission)).toBe('granted');
      expect(await granted.getByTestId('notification-permission').count()).toBe(0);
    } finally {
      await context.close();
      await allowed.close();
    }
  });

  it('in a plain browser (no desktop host), a reload keeps the tab signed in; logging out ends it', async () => {
    // Ada is an admin: she signs in away, so the chats of the tests above stay where they are.
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const errors: string[] = [];
      const web = await pageCollecting(context, errors);
      await web.goto(`${server.url}/app/`);
      expect(await web.evaluate(() => 'switchboard' in window)).toBe(false);
      await signInWithForm(web, ADA);

      await web.reload();
      await web.getByTestId('reachability').getByText('Server reachable').waitFor();
      expect(await web.getByLabel('Password').count()).toBe(0);
      expect(await web.evaluate(() => localStorage.length)).toBe(0);

      // Another tab has a storage of its own: it signs in for itself.
      const other = await context.newPage();
      await other.goto(`${server.url}/app/`);
      await other.getByLabel('Password').waitFor();
      await other.close();

      await web.getByRole('button', { name: 'Settings' }).click();
      await web.getByRole('button', { name: 'Log out' }).click();
      await web.getByLabel('Password').waitFor();
      await web.reload();
      await web.getByLabel('Password').waitFor();
      expect(await web.evaluate(() => sessionStorage.length)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in a plain browser, the tab shows unread messages in its title and favicon; the app manifest and its icons are served', async () => {
    const wen = visitors[1] as Visitor;
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const errors: string[] = [];
      const web = await pageCollecting(context, errors);
      const favicon = () => web.locator('link[rel="icon"]').getAttribute('href');
      const unreadInTitle = async () => Number(/^\((\d+)\) Switchboard$/.exec(await web.title())?.[1] ?? 0);
      await web.goto(`${server.url}/app/`);
      expect(await favicon()).toBe('./icons/app.svg');
      await signInWithForm(web, ALICE);
      await web.getByTestId('view-mine').click();
      const wenRow = web.locator(
        `[data-testid="conversation-row"][data-conversation-id="${wen.conversationId}"]`,
      );
      await wenRow.waitFor();

      // A tab keeps its own read marks, so the earlier tests' messages count as unread here: read
      // them all, again while the sign-in's catch-up brings more, until none is left for a second.
      const rowsWithUnread = web.locator('[data-testid="conversation-row"]:has([data-testid="unread"])');
      await eventually(async () => {
        while ((await rowsWithUnread.count()) > 0) {
          const id = await rowsWithUnread.first().getAttribute('data-conversation-id');
          const rowWithUnread = web.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`);
          await rowWithUnread.click();
          await rowWithUnread.getByTestId('unread').waitFor({ state: 'detached' });
        }
        expect(await web.title()).toBe('Switchboard');
        await web.waitForTimeout(1_000);
        expect(await web.title()).toBe('Switchboard');
      }, 60_000);
      expect(await favicon()).toBe('./icons/app.svg');

      // Another chat is open: Wen's new message is unread, in the title and as the favicon's red dot.
      await wen.say('Is the order on its way?');
      await eventually(async () => expect(await unreadInTitle()).toBe(1));
      expect(await favicon()).toBe('./icons/app-unread.svg');
      await wenRow.click();
      await eventually(async () => expect(await web.title()).toBe('Switchboard'));
      expect(await favicon()).toBe('./icons/app.svg');

      // The browser loads the manifest the page links (the page's CSP allows it) and its icons resolve.
      const cdp = await context.newCDPSession(web);
      const loaded = await cdp.send('Page.getAppManifest');
      expect(loaded.errors).toEqual([]);
      expect(loaded.url).toBe(`${server.url}/app/manifest.webmanifest`);
      const manifest = JSON.parse(loaded.data ?? '{}') as {
        name: string;
        start_url: string;
        icons: Array<{ src: string; sizes: string }>;
      };
      expect(manifest.name).toBe('Switchboard');
      expect(new URL(manifest.start_url, loaded.url).pathname).toBe('/app/');
      expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
        expect.arrayContaining(['192x192', '512x512']),
      );
      const urls = [
        ...manifest.icons.map((icon) => new URL(icon.src, loaded.url).href),
        ...['app.svg', 'app-unread.svg'].map((name) => `${server.url}/app/icons/${name}`),
      ];
      for (const url of urls) {
        const response = await fetch(url);
        expect(response.status, url).toBe(200);
        expect(response.headers.get('content-type'), url).toMatch(/^image\/(png|svg\+xml)/);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a duplicated browser tab does not reuse its original’s session: it signs in for itself, and neither tab is signed out', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const errors: string[] = [];
      const original = await pageCollecting(context, errors);
      await original.goto(`${server.url}/app/`);
      await signInWithForm(original, ADA);

      // What the browser's "Duplicate tab" does: the new tab starts with a copy of the tab's storage.
      const storage = await original.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
      expect(storage['switchboard.session']).toContain('refreshToken');
      const copy = await pageCollecting(context, errors);
      await copy.addInitScript((items: Record<string, string>) => {
        if (sessionStorage.length === 0)
          for (const [key, value] of Object.entries(items)) sessionStorage.setItem(key, value);
      }, storage);
      const copyRefreshes: string[] = [];
      copy.on('request', (request) => {
        if (request.url().endsWith('/api/auth/refresh')) copyRefreshes.push(request.url());
      });
      await copy.goto(`${server.url}/app/`);
      await copy.getByLabel('Password').waitFor();
      expect(copyRefreshes).toEqual([]);
      expect(await copy.getByTestId('login-hint').textContent()).toContain('copy of a signed-in tab');
      expect(await copy.getByLabel('Email').inputValue()).toBe(ADA);

      // The original's refresh token was never spent by the copy: a reload resumes with it.
      await original.reload();
      await original.getByTestId('reachability').getByText('Server reachable').waitFor();
      expect(await original.getByLabel('Password').count()).toBe(0);

      // The copy signs in for itself, and its own session survives its reload.
      await copy.getByLabel('Password').fill(DEMO_PASSWORD);
      await copy.getByRole('button', { name: 'Sign in' }).click();
      await copy.getByTestId('reachability').getByText('Server reachable').waitFor();
      await copy.reload();
      await copy.getByTestId('reachability').getByText('Server reachable').waitFor();
      expect(await copy.getByLabel('Password').count()).toBe(0);
      await original.reload();
      await original.getByTestId('reachability').getByText('Server reachable').waitFor();
      expect(await original.getByLabel('Password').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a long chat opens at its newest message, stays put while the agent reads back (with a way back to the newest), follows only at the end, pages older history in from the cache, and opens at a search hit’s message', async () => {
    const yusuf = await Visitor.join(server.url, 'Yusuf');
    try {
      for (let line = 1; line <= 140; line++) await yusuf.say(`Line ${line} from Yusuf`);
      await openAndOwn(yusuf);
      const timeline = page.getByTestId('timeline');
      // Less than a line from the bottom: measured rows settle to within a few pixels of it.
      const AT_END = 16;
      const position = () =>
        timeline.evaluate((el) => ({
          top: el.scrollTop,
          fromEnd: el.scrollHeight - el.clientHeight - el.scrollTop,
        }));
      await eventually(async () => expect(await timeline.textContent()).toContain('Line 140 from Yusuf'));
      await eventually(async () =>
        expect((await position()).fromEnd, 'opens at the end').toBeLessThan(AT_END),
      );

      // Reading back: a new message from the visitor does not pull the agent away.
      await eventually(async () => {
        await timeline.evaluate((el) => {
          el.scrollTop = 0;
        });
        expect(await timeline.textContent()).toContain('Line 1 from Yusuf');
      });
      await yusuf.say('Line 141 from Yusuf');
      await page.getByTestId('view-mine').click();
      await eventually(async () =>
        expect(await row(yusuf.conversationId).textContent()).toContain('Line 141 from Yusuf'),
      );
      expect((await position()).top, 'stays where the agent reads').toBeLessThan(100);
      expect(await timeline.textContent()).toContain('Line 1 from Yusuf');
      // A way back to the newest, saying what came meanwhile.
      const jump = page.getByTestId('jump-to-newest');
      await eventually(async () => expect(await jump.textContent()).toBe('↓ 1 new message'));
      await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-jump-to-newest.png') });
      await jump.click();
      await eventually(async () => expect((await position()).fromEnd, 'jumped').toBeLessThan(AT_END));
      await eventually(async () => expect(await jump.count()).toBe(0));

      // The agent's own reply always comes into view; at the end, new messages are followed.
      await send('Back to you, Yusuf.');
      await eventually(async () => expect(await timeline.textContent()).toContain('Back to you, Yusuf.'));
      await eventually(async () => expect((await position()).fromEnd, 'own reply').toBeLessThan(AT_END));
      await yusuf.say('Line 142 from Yusuf');
      await eventually(async () => expect(await timeline.textContent()).toContain('Line 142 from Yusuf'));
      await eventually(async () => expect((await position()).fromEnd, 'follows').toBeLessThan(AT_END));

      // Visitor's messages that land above the agent's reply still sending (the outbox's rows
      // come last) are followed too: offline, the reply waits; Yusuf writes twice meanwhile; back
      // online his messages arrive above the reply.
      await page.context().setOffline(true);
      await eventually(async () =>
        expect(await page.getByTestId('reachability').textContent()).toContain('unreachable'),
      );
      await send('Still checking, Yusuf.');
      await eventually(async () => expect(await timeline.textContent()).toContain('Still checking, Yusuf.'));
      await yusuf.say('Line 143 from Yusuf');
      await yusuf.say('Line 144 from Yusuf');
      await page.context().setOffline(false);
      await eventually(async () => expect(await timeline.textContent()).toContain('Line 144 from Yusuf'));
      await eventually(async () => expect(await page.getByTestId('sync-state').textContent()).toBe('Synced'));
      await eventually(async () =>
        expect((await position()).fromEnd, 'follows above a reply').toBeLessThan(AT_END),
      );

      // After a restart the newest messages come from the cache; older ones page in while
      // scrolling up, and the timeline keeps the agent's place as each page lands above.
      await page.reload();
      await eventually(async () => expect(await timeline.textContent()).toContain('Line 142 from Yusuf'));
      const firstHeight = await timeline.evaluate((el) => el.scrollHeight);
      await eventually(async () => {
        await timeline.evaluate((el) => {
          el.scrollTop = 0;
        });
        expect(await timeline.textContent()).toContain('Line 1 from Yusuf');
      });
      expect(await timeline.evaluate((el) => el.scrollHeight)).toBeGreaterThan(firstHeight);

      // A search hit far back in the chat: the newest 100 are loaded after a reload, the view at
      // the end; the hit reads older pages in and brings its message into view, highlighted.
      await page.reload();
      await eventually(async () => expect(await timeline.textContent()).toContain('Line 142 from Yusuf'));
      expect(await timeline.textContent()).not.toContain('Line 7 from Yusuf');
      // Many matches: the best 30, then the next 30 when asked, each once; the count says so.
      const hits = page.getByTestId('search-hit');
      await page.getByTestId('search-input').fill('from yusuf');
      await page.getByTestId('search-input').press('Enter');
      // Asked of the server (just after the reload it may still be out of reach: the cache answers
      // first, and the search is asked again once it is back).
      await eventually(async () => {
        expect(await page.getByTestId('search-offline').count()).toBe(0);
        expect(await hits.count()).toBe(30);
      });
      expect(await page.getByTestId('search-results').textContent()).toContain('The best 30 messages found');
      await page.getByTestId('search-more').click();
      await eventually(async () => expect(await hits.count()).toBe(60));
      const lines = await hits.evaluateAll((rows) =>
        rows.map((row) => /Line \d+/.exec(row.textContent ?? '')?.[0]),
      );
      expect(new Set(lines).size, 'sixty different lines').toBe(60);
      await page.getByTestId('search-input').press('Escape');
      const found = page.getByTestId('search-hit').filter({ hasText: 'Line 7 from Yusuf' });
      await page.getByTestId('search-input').fill('line 7');
      await page.getByTestId('search-input').press('Enter');
      await eventually(async () => expect(await found.count()).toBe(1));
      await found.click();
      const line7 = timeline.locator('[data-seq="7"]');
      await eventually(async () => expect(await line7.getAttribute('data-highlighted')).toBe('true'));
      expect(await line7.textContent()).toContain('Line 7 from Yusuf');
      // The words searched for are marked in it while it is highlighted (as text: no markup).
      expect(await line7.locator('mark').allTextContents()).toEqual(['Line', '7']);
      const inView = async () => {
        const [view, row] = [await timeline.boundingBox(), await line7.boundingBox()];
        return !!view && !!row && row.y >= view.y && row.y + row.height <= view.y + view.height;
      };
      await eventually(async () => expect(await inView(), 'the hit is in view').toBe(true));
      await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-search-hit-revealed.png') });
      // The highlight goes after a moment; the place stays.
      await eventually(async () => expect(await line7.getAttribute('data-highlighted')).toBeNull(), 15_000);
      expect(await line7.locator('mark').count()).toBe(0);
      expect(await inView()).toBe(true);
      await page.getByTestId('search-input').press('Escape');
    } finally {
      yusuf.close();
    }
  });

  it('in a plain browser, a reload keeps the conversation list, the replies that had not reached the server, the open tab and its draft, and the replies go out once the server is reachable', async () => {
    const vera = visitors[0] as Visitor;
    const context = await browser.newContext({ viewport: VIEWPORT });
    // The socket goes through Playwright, which lets it reach the server or refuses it.
    let socketsAllowed = true;
    const sockets: Array<{ close(): Promise<void> }> = [];
    await context.routeWebSocket(/\/socket\.io\//, (socket) => {
      if (!socketsAllowed) return void socket.close();
      socket.connectToServer();
      sockets.push(socket);
    });
    try {
      const errors: string[] = [];
      const web = await pageCollecting(context, errors);
      await web.goto(`${server.url}/app/`);
      await signInWithForm(web, ALICE);
      const veraRow = web.locator(
        `[data-testid="conversation-row"][data-conversation-id="${vera.conversationId}"]`,
      );
      await web.getByTestId('view-mine').click();
      await veraRow.click();
      await web.getByTestId('composer').waitFor();

      socketsAllowed = false;
      for (const socket of sockets) await socket.close();
      await web.getByTestId('reachability').getByText('Server unreachable').waitFor();
      const [first, second] = ['kept through a reload 1', 'kept through a reload 2'] as const;
      const bodies = [first, second];
      for (const body of bodies) {
        await web.getByTestId('composer').fill(body);
        await web.getByTestId('composer').press('Enter');
      }
      await eventually(async () =>
        expect(await web.getByTestId('sync-state').textContent()).toBe('2 pending'),
      );
      await web.getByTestId('composer').fill('a draft, not sent yet');

      await web.reload();
      // Unreachable: the list is the one this tab last had, and the replies are kept.
      await web.getByTestId('reachability').getByText('Server unreachable').waitFor();
      await eventually(async () =>
        expect(await web.getByTestId('sync-state').textContent()).toBe('2 pending'),
      );
      await web.getByTestId('view-mine').click();
      await veraRow.waitFor();
      expect(await veraRow.textContent()).toContain('Vera');

      // Logging out would discard them: the agent is asked first, and saying no keeps everything.
      const asked: string[] = [];
      web.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await web.getByTestId('open-settings').click();
      await web.getByRole('button', { name: 'Log out' }).click();
      expect(asked).toEqual([expect.stringContaining('2 replies have not reached the server yet')]);
      await web.keyboard.press('Escape');
      expect(await web.getByLabel('Password').count()).toBe(0);
      expect(await web.getByTestId('sync-state').textContent()).toBe('2 pending');

      socketsAllowed = true;
      await eventually(
        async () => expect(await web.getByTestId('sync-state').textContent()).toBe('Synced'),
        30_000,
      );
      const delivered = await eventually(async () => {
        const transcript = await vera.transcript();
        const kept = transcript.filter((m) => m.body.startsWith('kept through a reload'));
        expect(kept).toHaveLength(2);
        return kept;
      });
      expect(delivered.map((m) => m.body)).toEqual(bodies);
      // The chat tab came back with its draft.
      await web.locator(`[data-testid="tab"][data-conversation-id="${vera.conversationId}"]`).waitFor();
      await eventually(async () =>
        expect(await web.getByTestId('composer').inputValue()).toBe('a draft, not sent yet'),
      );
      // The chat's history: its newest messages kept in the tab, then the rest synced from the server.
      await eventually(async () =>
        expect(await web.getByTestId('timeline').textContent()).toContain('Hello, is anyone there?'),
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in a plain browser, with the server stopped, a reload loads the workbench from its service worker, with the kept list, the open chat, the unsent reply and what the agent chose', async () => {
    const vera = visitors[0] as Visitor;
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const errors: string[] = [];
      const web = await pageCollecting(context, errors);
      await web.goto(`${server.url}/app/`);
      await signInWithForm(web, ALICE);
      // The worker is active once it has kept the whole build (a generous bound, not a timing check).
      const active = await web.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000)),
        ]),
      );
      expect(active, 'the service worker never became active').toBe(true);
      const kept = await web.evaluate(async () => {
        const files: Array<{ path: string; csp: string | null }> = [];
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            const response = await cache.match(request);
            files.push({
              path: new URL(request.url).pathname,
              csp: response?.headers.get('content-security-policy') ?? null,
            });
          }
        }
        return files;
      });
      // Only the build, never the API or anyone's data; the page keeps its CSP.
      expect(kept.every((file) => file.path.startsWith('/app/'))).toBe(true);
      expect(kept.find((file) => file.path === '/app/index.html')?.csp).toContain("default-src 'none'");
      const built = readdirSync(`${DESKTOP_DIR}dist/web/assets`).filter((file) => !file.endsWith('.map'));
      const copied = readdirSync(`${DESKTOP_DIR}src/renderer/public`, {
        recursive: true,
        withFileTypes: true,
      })
        .filter((entry) => entry.isFile())
        .map((entry) =>
          path.relative(`${DESKTOP_DIR}src/renderer/public`, path.join(entry.parentPath, entry.name)),
        );
      expect(kept.map((file) => file.path).sort()).toEqual(
        [
          '/app/index.html',
          ...built.map((file) => `/app/assets/${file}`),
          ...copied.map((file) => `/app/${file.split(path.sep).join('/')}`),
        ].sort(),
      );

      const veraRow = web.locator(
        `[data-testid="conversation-row"][data-conversation-id="${vera.conversationId}"]`,
      );
      await web.getByTestId('view-mine').click();
      await veraRow.click();
      await web.getByTestId('composer').waitFor();
      // What the agent chose outlives the reload: away, a raised hand, the dark theme.
      await web.getByLabel('Status').selectOption('away');
      await eventually(async () => expect(await web.getByLabel('Status').inputValue()).toBe('away'));
      await web.getByTestId('raise-hand').click();
      await eventually(async () =>
        expect(await web.getByTestId('raise-hand').getAttribute('aria-pressed')).toBe('true'),
      );
      await web.getByTestId('open-settings').click();
      // A browser tab has no tray to stay in.
      expect(await web.locator('input[name="keepRunningInTray"]').count()).toBe(0);
      await web.getByLabel('Theme').selectOption('dark');
      await web.getByRole('button', { name: 'Close', exact: true }).click();
      await server.stop();
      await web.getByTestId('reachability').getByText('Server unreachable').waitFor();
      const body = 'written before a reload with the server down';
      await web.getByTestId('composer').fill(body);
      await web.getByTestId('composer').press('Enter');
      await eventually(async () =>
        expect(await web.getByTestId('sync-state').textContent()).toBe('1 pending'),
      );

      await web.reload();
      expect(await web.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await web.getByTestId('reachability').getByText('Server unreachable').waitFor();
      // The icons are part of the kept build: the favicon shows with the server down.
      expect(
        await web.evaluate(
          async () =>
            (await fetch(document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '')).status,
        ),
      ).toBe(200);
      expect(await web.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
      // Before the server answers, the switch shows the kept choice, as out of reach.
      expect(await web.getByLabel('Status').inputValue()).toBe('away');
      expect(await web.getByTestId('status-dot').getAttribute('data-connected')).toBe('false');
      expect(await web.getByTestId('raise-hand').getAttribute('aria-pressed')).toBe('true');
      await eventually(async () =>
        expect(await web.getByTestId('sync-state').textContent()).toBe('1 pending'),
      );
      await web.getByTestId('view-mine').click();
      await veraRow.waitFor();
      // The open chat shows its newest messages, kept in the tab, and the reply waiting to go (the
      // timeline renders the rows in view: the chat's newest).
      await eventually(async () => {
        const timeline = await web.getByTestId('timeline').textContent();
        expect(timeline).toContain('kept through a reload 2');
        expect(timeline).toContain(body);
      });

      await server.start();
      await eventually(
        async () => expect(await web.getByTestId('sync-state').textContent()).toBe('Synced'),
        30_000,
      );
      await eventually(async () =>
        expect((await vera.transcript()).filter((m) => m.body === body)).toHaveLength(1),
      );
      // Back on the server: still away (the server says so), the hand still raised.
      await eventually(async () => {
        expect(await web.getByLabel('Status').inputValue()).toBe('away');
        expect(await web.getByTestId('status-dot').getAttribute('data-connected')).toBe('true');
      });
      expect(await web.getByTestId('raise-hand').getAttribute('aria-pressed')).toBe('true');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("erases a visitor for good from the admin's visitor panel: every workbench drops the chats, one connected at once, one away or closed when it connects again; a visitor with an open chat is refused", async () => {
    // Nobody takes chats by routing here: Bob takes each one himself.
    await page.getByLabel('Status').selectOption('away');
    const bob = await connectAgent(
      server.url,
      (await login(server.url, BOB, DEMO_PASSWORD)).tokens.accessToken,
    );
    const erin = await Visitor.join(server.url, 'Erin Erasable');
    const olive = await Visitor.join(server.url, 'Olive Waiting');
    const word = 'xylophonic';
    const erinChats: string[] = [];
    for (const body of [`Please erase me, my code is ${word}.`, `Me again, still ${word}.`]) {
      if (erinChats.length > 0) await erin.openAnother();
      erinChats.push(erin.conversationId);
      await erin.say(body);
      if (erinChats.length === 1)
        await erin.say('My receipt', (await erin.upload('receipt.png', ONE_PIXEL_PNG)).id);
      unwrap(await request(bob, 'conversation:take', { conversationId: erin.conversationId }));
      unwrap(
        await request(bob, 'message:send', {
          conversationId: erin.conversationId,
          clientMsgId: crypto.randomUUID(),
          body: 'Noted.',
        }),
      );
      unwrap(await request(bob, 'conversation:resolve', { conversationId: erin.conversationId }));
    }
    await olive.say('Still waiting here.');
    const [first, second] = erinChats as [string, string];

    const found = (web: Page, id: string) =>
      web.locator(`[data-testid="search-conversation"][data-conversation-id="${id}"]`);
    const tabOf = (web: Page, id: string) => web.locator(`[data-testid="tab"][data-conversation-id="${id}"]`);
    /** Finds the visitor's chat by their name and opens it in a tab, its words on screen. */
    async function openByName(web: Page, name: string, id: string) {
      await web.getByTestId('search-input').fill(name);
      await eventually(async () => {
        await web.getByTestId('search-input').press('Enter');
        expect(await found(web, id).count()).toBe(1);
      });
      await found(web, id).click();
      await tabOf(web, id).waitFor();
      await web.getByTestId('search-input').press('Escape');
    }
    const timelineHas = (web: Page, text: string) =>
      eventually(async () => expect(await web.getByTestId('timeline').textContent()).toContain(text));

    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    try {
      // Alice's desktop workbench, connected throughout: both chats open, cached in main's SQLite.
      for (const id of erinChats) await openByName(page, 'Erin', id);
      await timelineHas(page, 'still xylophonic');
      expect(
        await workbench.handlers['cache:messages']({ ...account(), conversationId: first, limit: 50 }),
      ).not.toEqual([]);

      // Alice in a browser tab, whose server connection is then cut: it misses the erasure.
      const browserTab = await browser.newContext({ viewport: VIEWPORT });
      contexts.push(browserTab);
      let socketsAllowed = true;
      const sockets: Array<{ close(): Promise<void> }> = [];
      await browserTab.routeWebSocket(/\/socket\.io\//, (socket) => {
        if (!socketsAllowed) return void socket.close();
        socket.connectToServer();
        sockets.push(socket);
      });
      const web = await pageCollecting(browserTab, errors);
      await web.goto(`${server.url}/app/`);
      await signInWithForm(web, ALICE);
      await openByName(web, 'Erin', first);
      await timelineHas(web, 'Please erase me');
      socketsAllowed = false;
      for (const socket of sockets) await socket.close();
      await web.getByTestId('reachability').getByText('Server unreachable').waitFor();

      // Alice's desktop app on another computer, closed before the erasure: her cache file stays.
      const elsewhere = mainServices(tempDir());
      const closedApp = await openWorkbench(browser, server.url, '', { main: elsewhere });
      await signInWithForm(closedApp.page, ALICE);
      await openByName(closedApp.page, 'Erin', second);
      await timelineHas(closedApp.page, 'still xylophonic');
      expect(closedApp.errors).toEqual([]);
      await closedApp.context.close();
      const elsewhereAccount = { serverUrl: server.url, userId: aliceId };

      // Ada, an admin, in her browser: Olive's chat is still waiting, so Olive cannot be erased.
      const admin = await browser.newContext({ viewport: VIEWPORT });
      contexts.push(admin);
      const ada = await pageCollecting(admin, errors);
      await ada.goto(`${server.url}/app/`);
      await signInWithForm(ada, ADA);
      const eraseButton = ada.getByRole('button', { name: 'Erase visitor data…' });
      const dialog = ada.getByRole('dialog', { name: 'Erase this visitor’s data?' });
      const understood = dialog.getByLabel('I understand that this cannot be undone.');
      const eraseForGood = dialog.getByRole('button', { name: 'Erase for good' });
      await openByName(ada, 'Olive', olive.conversationId);
      await eraseButton.click();
      await understood.check();
      await eraseForGood.click();
      await ada
        .getByText('One of their conversations is still queued or assigned: resolve it first.')
        .waitFor();
      expect(await dialog.isVisible()).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await tabOf(ada, olive.conversationId).count()).toBe(1);
      expect((await olive.transcript()).map((m) => m.body)).toContain('Still waiting here.');

      // Erin's chats are resolved. First what the server holds about her, as a file (her right of
      // access): both chats with every message.
      await openByName(ada, 'Erin', first);
      const download = ada.waitForEvent('download');
      await ada.getByTestId('export-visitor').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`switchboard-visitor-${erin.session.visitorId}.json`);
      const exported = JSON.parse(readFileSync((await file.path()) ?? '', 'utf8')) as {
        visitor: { name: string };
        conversations: Array<{ conversation: { id: string }; messages: Array<{ body: string }> }>;
      };
      expect(exported.visitor.name).toBe('Erin Erasable');
      expect(exported.conversations.map((c) => c.conversation.id).sort()).toEqual([...erinChats].sort());
      expect(exported.conversations.flatMap((c) => c.messages.map((m) => m.body))).toContain(
        `Please erase me, my code is ${word}.`,
      );

      // Then the admin asks, plainly, before anything goes.
      expect(await ada.getByRole('button', { name: 'Erase visitor data…' }).count()).toBe(1);
      await eraseButton.click();
      expect(await dialog.getByTestId('erase-warning').textContent()).toBe(
        'Every conversation of Erin Erasable, with all its messages and files, is deleted for good: from the server and from every workbench. This cannot be undone.',
      );
      expect(await eraseForGood.isDisabled()).toBe(true);
      await ada.screenshot({ path: path.join(ARTIFACTS, 'erase-visitor-dialog.png') });
      await understood.check();
      expect(await eraseForGood.isDisabled()).toBe(false);
      await eraseForGood.click();
      await ada.getByText(/^Erased 2 conversations, \d+ messages and 1 file\.$/).waitFor();
      await eventually(async () => expect(await tabOf(ada, first).count()).toBe(0));
      // The admin area's privacy page counts them, and says how long conversations are kept.
      await ada.goto(`${server.url}/app/#/admin`);
      await ada.getByTestId('admin-privacy').click();
      await eventually(async () =>
        expect(await ada.getByTestId('privacy-erased').textContent()).toMatch(
          /^2 conversations, the last on /,
        ),
      );
      expect(await ada.getByTestId('privacy-retention').textContent()).toMatch(
        /^until an admin erases them\./,
      );
      // A request that names an address finds the visitors it belongs to, each to export or erase.
      await Visitor.leaveOfflineMessage(server.url, 'Lena Lookup', 'What do you hold about me?');
      const lookup = ada.getByTestId('visitor-lookup');
      await lookup.getByLabel('Email address').fill('nobody@example.test');
      await lookup.getByRole('button', { name: 'Find' }).click();
      await eventually(async () =>
        expect(await ada.getByTestId('lookup-none').textContent()).toBe(
          'No visitor gave or left nobody@example.test.',
        ),
      );
      await lookup.getByLabel('Email address').fill('VISITOR@example.test');
      await lookup.getByRole('button', { name: 'Find' }).click();
      const lena = ada.getByTestId('lookup-visitor').filter({ hasText: 'Lena Lookup' });
      await lena.waitFor();
      expect(await lena.getByRole('button', { name: 'Export visitor data' }).count()).toBe(1);
      await ada.screenshot({ path: path.join(ARTIFACTS, 'admin-privacy.png') });
      // Erased from here: her row goes, and the page counts her left message.
      await lena.getByRole('button', { name: 'Erase visitor data…' }).click();
      await dialog.getByLabel('I understand that this cannot be undone.').check();
      await dialog.getByRole('button', { name: 'Erase for good' }).click();
      await eventually(async () => expect(await lena.count()).toBe(0));
      await eventually(async () =>
        expect(await ada.getByTestId('privacy-erased').textContent()).toMatch(
          /^3 conversations, the last on /,
        ),
      );

      // Alice's connected workbench drops both at once, from the screen and from main's cache.
      await eventually(async () => {
        for (const id of erinChats) expect(await tabOf(page, id).count()).toBe(0);
      });
      for (const view of ['mine', 'queue', 'unassigned']) {
        await page.getByTestId(`view-${view}`).click();
        for (const id of erinChats) expect(await row(id).count()).toBe(0);
      }
      for (const id of erinChats)
        expect(
          await workbench.handlers['cache:messages']({ ...account(), conversationId: id, limit: 50 }),
        ).toEqual([]);
      const cachedIds = (
        await workbench.handlers['cache:conversations']({ ...account(), offset: 0, limit: 5000 })
      ).map((c) => c.conversation.id);
      expect(cachedIds).not.toContain(first);
      expect(cachedIds).not.toContain(second);
      expect(await workbench.handlers['cache:search']({ ...account(), q: word, limit: 10 })).toEqual([]);
      expect((await workbench.handlers['cache:erasure-seq'](account())).seq).toBeGreaterThanOrEqual(2);
      // Searching finds neither her chats nor her words any more.
      for (const q of ['Erin', word]) {
        await page.getByTestId('search-input').fill(q);
        await eventually(async () => {
          await page.getByTestId('search-input').press('Enter');
          expect(await page.getByTestId('search-results').textContent()).toContain('No messages found.');
          expect(await page.getByTestId('search-conversations').count()).toBe(0);
        });
      }
      await page.getByTestId('search-input').press('Escape');

      // The browser tab, reloaded while still cut off, shows what it kept; connected, it drops it.
      await web.reload();
      await web.getByTestId('reachability').getByText('Server unreachable').waitFor();
      await tabOf(web, first).waitFor();
      await timelineHas(web, 'Please erase me');
      socketsAllowed = true;
      await web.getByTestId('reachability').getByText('Server reachable').waitFor();
      await eventually(async () => expect(await tabOf(web, first).count()).toBe(0));
      const keptInTab = await web.evaluate(() => JSON.stringify({ ...sessionStorage }));
      for (const gone of [...erinChats, word, 'Erin Erasable']) expect(keptInTab).not.toContain(gone);

      // The closed desktop app, started again: its cache shows her chat until the server is asked.
      expect(
        await elsewhere.handlers['cache:messages']({
          ...elsewhereAccount,
          conversationId: second,
          limit: 50,
        }),
      ).not.toEqual([]);
      const restarted = await browser.newContext({ viewport: VIEWPORT });
      contexts.push(restarted);
      await bindWorkbenchHost(restarted, server.url, elsewhere);
      let release = () => {};
      const asked = new Promise<void>((resolve) => {
        release = resolve;
      });
      await restarted.route('**/api/erasures**', async (route) => {
        await asked;
        await route.continue();
      });
      const again = await pageCollecting(restarted, errors);
      await again.goto(`${server.url}/app/`);
      try {
        await tabOf(again, second).waitFor();
        await timelineHas(again, 'still xylophonic');
      } finally {
        release();
      }
      await eventually(async () => expect(await tabOf(again, second).count()).toBe(0));
      expect(
        await elsewhere.handlers['cache:messages']({
          ...elsewhereAccount,
          conversationId: second,
          limit: 50,
        }),
      ).toEqual([]);
      expect(await elsewhere.handlers['cache:search']({ ...elsewhereAccount, q: word, limit: 10 })).toEqual(
        [],
      );
      expect(errors).toEqual([]);
      expect(workbench.errors).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
      bob.disconnect();
      erin.close();
      olive.close();
    }
  });

  it('shows what the visitor is writing before they send it (the demo widget shares drafts), as text, until it is sent or withdrawn', async () => {
    const dora = await Visitor.join(server.url, 'Dora Draft');
    try {
      await openAndOwn(dora);
      const draft = page.getByTestId('visitor-draft');
      await dora.type(true, 'Can I change the');
      await eventually(async () => expect(await draft.locator('p').textContent()).toBe('Can I change the'));
      expect(await draft.locator('figcaption').textContent()).toBe('Dora Draft is writing (not sent yet)');
      expect(await page.getByTestId('typing').textContent()).toBe('Dora Draft is typing…');
      // Her row in the list says so too, in place of the last message.
      await page.getByTestId('view-mine').click();
      const rowTyping = row(dora.conversationId).getByTestId('row-typing');
      expect(await rowTyping.textContent()).toBe('typing…');

      // Paused with the draft in the box: no longer typing, the draft stays.
      const markup = 'Can I change the <b onmouseover="window.__draftXss=1">address</b>?';
      await dora.type(false, markup);
      await eventually(async () => expect(await draft.locator('p').textContent()).toBe(markup));
      await eventually(async () => expect(await page.getByTestId('typing').textContent()).toBe(''));
      expect(await rowTyping.count()).toBe(0);
      expect(await draft.locator('b').count()).toBe(0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'visitor-draft.png') });

      // Sent: the message replaces the draft.
      await dora.say('Can I change the address?');
      await page.getByTestId('chat-view').getByText('Can I change the address?').waitFor();
      await eventually(async () => expect(await draft.count()).toBe(0));

      // Withdrawn: the visitor emptied the box.
      await dora.type(true, 'Also');
      await eventually(async () => expect(await draft.locator('p').textContent()).toBe('Also'));
      await dora.type(false);
      await eventually(async () => expect(await draft.count()).toBe(0));
      expect(workbench.errors).toEqual([]);
    } finally {
      dora.close();
    }
  });

  it('says whether the visitor still has the site open: on it, gone a while after their last page closed, and back', async () => {
    const lena = await Visitor.join(server.url, 'Lena Leaving');
    try {
      await openAndOwn(lena);
      const presence = page.getByTestId('chat-view').getByTestId('visitor-presence');
      const gone = row(lena.conversationId).getByTestId('visitor-gone');
      await eventually(async () => expect(await presence.textContent()).toBe('On the site'));

      // She closes the page: gone, once it has stayed closed for a while (a page load is not leaving).
      lena.socket.disconnect();
      await eventually(async () => expect(await presence.getAttribute('data-presence')).toBe('gone'));
      expect(await presence.textContent()).toMatch(/^Left the site \d+s ago$/);
      await page.getByTestId('view-mine').click();
      await eventually(async () => expect(await gone.textContent()).toBe('left'));
      await page
        .getByTestId('chat-view')
        .locator('header')
        .screenshot({ path: path.join(ARTIFACTS, 'visitor-gone.png') });

      lena.socket.connect();
      await eventually(async () => expect(await presence.textContent()).toBe('On the site'));
      await eventually(async () => expect(await gone.count()).toBe(0));
      expect(workbench.errors).toEqual([]);
    } finally {
      lena.close();
    }
  });

  it('shows in the visitor panel the page the visitor is on now and the pages they went to, live and as text; out of reach it says the trail is not available, and catches up when back', async () => {
    const paula = await Visitor.join(server.url, 'Paula Pages', {
      pageUrl: 'https://shop.example.com/',
      pageTitle: 'Shop',
    });
    try {
      await openAndOwn(paula);
      const panel = page.getByTestId('visitor-panel');
      const nowOn = panel.getByTestId('now-on');
      const trail = panel.getByTestId('visited-pages').getByRole('button');
      const listed = () => trail.allTextContents();
      // The chat started here: no "Now on" yet, a trail of one.
      await eventually(async () => expect(await listed()).toEqual(['Shop']));
      expect(await nowOn.count()).toBe(0);
      expect(await panel.getByTestId('started-on').textContent()).toContain('Shop');

      await paula.viewPage('https://shop.example.com/pricing', 'Pricing');
      await eventually(async () => expect(await listed()).toEqual(['Pricing', 'Shop']));
      expect(await nowOn.getByRole('button').textContent()).toBe('Pricing');
      expect(await nowOn.textContent()).toMatch(/https:\/\/shop\.example\.com\/pricing\s*since \S+/);
      expect(await panel.getByTestId('visited-pages-row').locator('dt').textContent()).toBe(
        'Pages visited (2)',
      );
      await nowOn.getByRole('button').click();
      await eventually(() => expect(workbench.host.opened).toContain('https://shop.example.com/pricing'));

      // A title with markup is text.
      const markup = '<img src=x onerror="window.__pageXss=1">';
      await paula.viewPage('https://shop.example.com/compare', markup);
      await eventually(async () => expect(await nowOn.getByRole('button').textContent()).toBe(markup));
      expect(await panel.locator('img, script').count()).toBe(0);
      expect(
        await page.evaluate(() => (window as unknown as { __pageXss?: number }).__pageXss),
      ).toBeUndefined();

      // The newest five, and the rest on demand.
      for (const [where, title] of [
        ['signup', null],
        ['plans/team', 'Team plan'],
        ['plans/business', 'Business plan'],
      ] as const)
        await paula.viewPage(`https://shop.example.com/${where}`, title ?? undefined);
      const toggle = panel.getByTestId('visited-pages-toggle');
      await eventually(async () => expect(await toggle.textContent()).toBe('Show all 6'));
      expect(await listed()).toEqual([
        'Business plan',
        'Team plan',
        'https://shop.example.com/signup',
        markup,
        'Pricing',
      ]);
      await panel.screenshot({ path: path.join(ARTIFACTS, 'visitor-pages.png') });
      await toggle.click();
      expect((await listed()).slice(-2)).toEqual(['Pricing', 'Shop']);
      expect(await toggle.textContent()).toBe('Show fewer');

      // Out of reach: the trail may be behind, and the panel says so; the page Paula goes to
      // meanwhile is there once the workbench is back (nothing pushed while away is replayed).
      await page.context().setOffline(true);
      await eventually(async () =>
        expect(await page.getByTestId('reachability').textContent()).toContain('unreachable'),
      );
      await eventually(async () =>
        expect(await panel.getByTestId('visited-pages-note').textContent()).toContain(
          'Not available right now.',
        ),
      );
      expect(await nowOn.count()).toBe(0);
      expect(await panel.getByTestId('started-on').textContent()).toContain('Shop');
      await paula.viewPage('https://shop.example.com/checkout', 'Checkout');
      await page.context().setOffline(false);
      await eventually(async () => expect(await nowOn.getByRole('button').textContent()).toBe('Checkout'));
      expect(await panel.getByTestId('visited-pages-row').locator('dt').textContent()).toBe(
        'Pages visited (7)',
      );
      expect(workbench.errors).toEqual([]);
    } finally {
      paula.close();
    }
  });
});
