import { readFileSync } from 'node:fs';
import type {
  Conversation,
  Result,
  TypingUpdate,
  VisitedPages,
  VisitedPageUpdate,
} from '@switchboard/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainReply, postAsGateway } from '../../../server/test/support/mail-gateway.js';
import { buildWidget } from '../../scripts/build-widget.js';
import { TestAgent, unwrap } from '../support/agent.js';
import { launchChromium, screenshot, widget } from '../support/browser.js';
import { embedPage, type HostSite, startHostSite } from '../support/host-page.js';
import { ADMIN, CALLBACK_MAX_QUEUE_SECONDS, SUPERVISOR } from '../support/seed.js';
import { INBOUND_SECRET, type RunningServer, startServerProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844 };
const XSS = '<img src=x onerror=alert(1)>';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const HOSTILE_CSS = `* { all: unset !important; }
html, body, div, span, button, textarea, input, p { font-size: 72px !important; line-height: 4 !important;
  font-family: "Comic Sans MS", fantasy !important; color: #f0f !important; letter-spacing: 12px !important; }
div { display: inline !important; padding: 40px !important; } button { transform: rotate(20deg) !important; }`;

describe('visitor widget: Chromium against a real server process', () => {
  const pages: Record<string, string> = {};
  const evilPages: Record<string, string> = {};
  let site: HostSite;
  let evilSite: HostSite;
  let server: RunningServer;
  let browser: Browser;
  let agent: TestAgent;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await buildWidget();
    site = await startHostSite(pages);
    evilSite = await startHostSite(evilPages);
    server = await startServerProcess([site.origin]);
    const { widgetId, plainWidgetId, callbackWidgetId, botWidgetId, previewWidgetId } = server.fixture;
    pages['/'] = embedPage(server.url, widgetId);
    pages['/plain'] = embedPage(server.url, plainWidgetId);
    pages['/callback'] = embedPage(server.url, callbackWidgetId);
    pages['/preview'] = embedPage(server.url, previewWidgetId);
    pages['/hostile'] = embedPage(server.url, widgetId, { css: HOSTILE_CSS, title: 'Hostile shop' });
    pages['/zh'] = embedPage(server.url, widgetId, { locale: 'zh-CN', title: '测试商店' });
    pages['/zh-bot'] = embedPage(server.url, botWidgetId, { locale: 'zh-CN', title: '测试商店' });
    evilPages['/'] = embedPage(server.url, widgetId, { title: 'Not allowed' });
    browser = await launchChromium();
    agent = await TestAgent.connect(server.url);
  });

  afterAll(async () => {
    agent?.close();
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await site?.close();
    await evilSite?.close();
  });

  async function newPage(
    viewport = DESKTOP,
    path = '/',
    timezoneId?: string,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport,
      isMobile: viewport === MOBILE,
      hasTouch: viewport === MOBILE,
      ...(timezoneId ? { timezoneId } : {}),
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`);
    return { context, page };
  }

  /** Opens the widget, fills the pre-chat form and waits for the composer. */
  async function startChat(page: Page, name: string): Promise<void> {
    await page.locator(widget.launcher).click();
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Topic').selectOption('order');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await page.locator(widget.composer).waitFor();
  }

  async function sendFromWidget(page: Page, body: string): Promise<void> {
    await page.locator(widget.composer).fill(body);
    await page.locator(widget.composer).press('Enter');
  }

  /** The conversation of the visitor named `name`, once the server has stored their first message. */
  async function conversationOf(name: string): Promise<Conversation> {
    let found: Conversation | undefined;
    await expect
      .poll(
        async () => {
          found = (await agent.conversations()).find((c) => c.visitor.name === name);
          return (found?.lastSeq ?? 0) >= 1;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    return found as Conversation;
  }

  const logTexts = (page: Page) => page.locator(`${widget.log} .sb-msg .sb-text`).allTextContents();

  it('pre-chat form, a message, the agent typing and answering, read receipts', async () => {
    const { page } = await newPage();
    await page.locator(widget.launcher).click();
    // Wrong input first: the required name is missing.
    await page.getByRole('button', { name: 'Start chat' }).click();
    await page.getByText('Please fill in this field.').waitFor();
    await screenshot(page, 'desktop-prechat-error');

    await page.getByLabel('Your name').fill('Grace');
    await page.getByLabel('Topic').selectOption('order');
    await page.getByRole('button', { name: 'Start chat' }).click();
    const composer = page.locator(widget.composer);
    await composer.waitFor();
    expect(await composer.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    await sendFromWidget(page, 'Hi, my order #1042 has not arrived.');
    const conversation = await conversationOf('Grace');
    expect(conversation.attributes.custom).toMatchObject({ topic: 'order' });
    expect(conversation.attributes.pageUrl).toBe(`${site.origin}/`);

    await agent.take(conversation.id);
    await page.locator('.sb-title').getByText('Alice Agent').waitFor();
    // This widget keeps drafts to the visitor: the box says nothing of the kind, and sends none.
    expect(await page.locator(widget.draftShared).count()).toBe(0);
    const heard: TypingUpdate[] = [];
    const onTyping = (update: TypingUpdate) => {
      if (update.conversationId === conversation.id && update.sender.kind === 'visitor') heard.push(update);
    };
    agent.socket.on('typing:update', onTyping);
    await page.locator(widget.composer).pressSequentially('Any news');
    await expect.poll(() => heard.length).toBeGreaterThan(0);
    agent.socket.off('typing:update', onTyping);
    expect(heard).toEqual([expect.objectContaining({ typing: true, preview: null })]);
    await page.locator(widget.composer).fill('');
    await agent.typing(conversation.id, true);
    await page.locator(widget.typing).getByText('Alice Agent is typing…').waitFor();
    await screenshot(page, 'desktop-agent-typing');

    const readByVisitor = new Promise<number>((resolve) =>
      agent.socket.on('read:update', (update) => {
        if (update.conversationId === conversation.id && update.reader.kind === 'visitor')
          resolve(update.seq);
      }),
    );
    await agent.send(conversation.id, 'Sorry, Grace! It left our warehouse this morning.');
    await page.locator(widget.log).getByText('It left our warehouse this morning.').waitFor();
    await expect.poll(() => page.locator(widget.typing).textContent()).toBe('');
    expect(await readByVisitor).toBe(2);

    // The agent reads the visitor's message: the widget says so.
    await agent.socket.timeout(5000).emitWithAck('message:read', { conversationId: conversation.id, seq: 2 });
    await page.locator('.sb-own .sb-receipt').getByText('Seen').waitFor();
    await screenshot(page, 'desktop-chat');
    expect(await logTexts(page)).toEqual([
      'Hi, my order #1042 has not arrived.',
      'Sorry, Grace! It left our warehouse this morning.',
    ]);
  });

  it('tells the agent which pages the visitor goes to while chatting: single-page navigation, page loads, after a reconnect', async () => {
    const { context, page } = await newPage();
    await startChat(page, 'Paula');
    await sendFromWidget(page, 'Which plan do I need?');
    const conversation = await conversationOf('Paula');
    await agent.take(conversation.id);
    const pushed: VisitedPageUpdate[] = [];
    const heard = () => pushed.map((u) => [u.page.url, u.page.title]);
    const onPage = (update: VisitedPageUpdate) => {
      if (update.conversationId === conversation.id) pushed.push(update);
    };
    agent.socket.on('visitor:page', onPage);
    try {
      // A single-page site goes to its pricing page: no page load, no event the widget could hear.
      await page.evaluate(() => {
        history.pushState({}, '', '/pricing');
        document.title = 'Pricing';
      });
      const pricing = [`${site.origin}/pricing`, 'Pricing'];
      await expect.poll(heard, { timeout: 15_000 }).toEqual([pricing]);
      // A page load with the chat in progress: the chat starts at once and says where the visitor is.
      await page.goto(`${site.origin}/?from=pricing`);
      const reloaded = [`${site.origin}/?from=pricing`, 'Test shop'];
      await expect.poll(heard, { timeout: 15_000 }).toEqual([pricing, reloaded]);
      // Offline, the visitor goes on to the checkout; the widget says so once the link is back.
      await context.setOffline(true);
      await page.locator(`${widget.panel}[data-sync=stale]`).waitFor({ state: 'attached' });
      await page.evaluate(() => {
        history.pushState({}, '', '/checkout');
        document.title = 'Checkout';
      });
      // Time for the address to settle while offline (that report is dropped, not queued), so
      // the one that arrives is the one after the reconnect's session:hello.
      await page.waitForTimeout(2500);
      await context.setOffline(false);
      const checkout = [`${site.origin}/checkout`, 'Checkout'];
      await expect.poll(heard, { timeout: 15_000 }).toEqual([pricing, reloaded, checkout]);
    } finally {
      agent.socket.off('visitor:page', onPage);
      // The agent's capacity is left to the tests after this one.
      await agent.resolve(conversation.id);
    }
    const response = await fetch(`${server.url}/api/conversations/${conversation.id}/pages`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    const { pages: visited } = unwrap((await response.json()) as Result<VisitedPages>);
    expect(visited.map((p) => [p.url, p.title])).toEqual([
      [`${site.origin}/checkout`, 'Checkout'],
      [`${site.origin}/?from=pricing`, 'Test shop'],
      [`${site.origin}/pricing`, 'Pricing'],
      [`${site.origin}/`, 'Test shop'],
    ]);
    expect(visited.slice(0, 3).map((p) => p.at)).toEqual(pushed.map((u) => u.page.at).reverse());
  });

  it('shows the team the draft as the visitor types, when the widget says so, and tells the visitor', async () => {
    const { page } = await newPage(DESKTOP, '/preview');
    await startChat(page, 'Dora');
    await page
      .locator(widget.draftShared)
      .getByText('Our team sees what you type before you send it.')
      .waitFor();
    await sendFromWidget(page, 'Hello');
    const conversation = await conversationOf('Dora');
    await agent.take(conversation.id);
    const heard: TypingUpdate[] = [];
    const onTyping = (update: TypingUpdate) => {
      if (update.conversationId === conversation.id && update.sender.kind === 'visitor') heard.push(update);
    };
    agent.socket.on('typing:update', onTyping);
    try {
      const draft = 'Can I still change the delivery address?';
      await page.locator(widget.composer).pressSequentially(draft, { delay: 40 });
      // Drafts arrive as they grow (two a second at most), ending with the whole of it.
      await expect.poll(() => heard.at(-1)?.preview, { timeout: 5_000 }).toBe(draft);
      const previews = heard.map((u) => u.preview ?? '');
      expect(previews.length).toBeGreaterThan(1);
      expect(previews.length).toBeLessThan(draft.length);
      expect(previews.every((p) => draft.startsWith(p))).toBe(true);
      // The visitor pauses: the draft stays for the team, no longer "typing".
      await expect
        .poll(() => heard.at(-1), { timeout: 10_000 })
        .toMatchObject({ typing: false, preview: draft });
      await screenshot(page, 'desktop-draft-shared');
      // Sent: the draft is withdrawn, and the message arrives as ever.
      await page.locator(widget.composer).press('Enter');
      await expect
        .poll(() => heard.at(-1), { timeout: 5_000 })
        .toMatchObject({ typing: false, preview: null });
      await expect
        .poll(async () => (await agent.messages(conversation.id)).map((m) => m.body))
        .toEqual(['Hello', draft]);
    } finally {
      agent.socket.off('typing:update', onTyping);
      await agent.resolve(conversation.id);
    }
  });

  it('restores the conversation after a reload and delivers 10 messages sent offline exactly once, in order', async () => {
    const { context, page } = await newPage();
    await startChat(page, 'Rita');
    await sendFromWidget(page, 'before reload');
    const conversation = await conversationOf('Rita');
    await agent.take(conversation.id);
    await agent.send(conversation.id, 'agent reply before reload');
    await page.locator(widget.log).getByText('agent reply before reload').waitFor();

    await page.reload();
    // The chat is loaded at once for a conversation in progress: the closed widget counts unread messages.
    await page.evaluate(() => {
      const api = (
        window as unknown as {
          Switchboard: { on(event: string, listener: (m: { body: string }) => void): void };
        }
      ).Switchboard;
      const received: string[] = [];
      (window as unknown as { received: string[] }).received = received;
      api.on('message', (message) => received.push(message.body));
    });
    await page.locator(`${widget.panel}[data-sync=done]`).waitFor({ state: 'attached' });
    await expect.poll(() => page.locator(widget.badge).isHidden()).toBe(true);
    await agent.send(conversation.id, 'while you were away');
    await expect.poll(() => page.locator(widget.badge).textContent(), { timeout: 15_000 }).toBe('1');
    expect(await page.locator(widget.launcher).getAttribute('aria-label')).toBe('Open chat (1 unread)');
    expect(await page.evaluate(() => (window as unknown as { received: string[] }).received)).toEqual([
      'while you were away',
    ]);
    await page.locator(widget.launcher).click();
    await page.locator(widget.log).getByText('while you were away').waitFor();
    await expect.poll(() => page.locator(widget.badge).isHidden()).toBe(true);
    expect(await logTexts(page)).toEqual([
      'before reload',
      'agent reply before reload',
      'while you were away',
    ]);

    await context.setOffline(true);
    const bodies = Array.from({ length: 10 }, (_, i) => `offline message ${i + 1}`);
    for (const body of bodies) await sendFromWidget(page, body);
    await expect.poll(() => page.locator(`${widget.pending} .sb-msg`).count()).toBe(10);
    await page.locator(widget.pending).getByText('Waiting for the network…').first().waitFor();
    await screenshot(page, 'desktop-offline-pending');
    const storedWhileOffline = await agent.messages(conversation.id);
    expect(storedWhileOffline.filter((m) => m.body.startsWith('offline message'))).toEqual([]);

    await context.setOffline(false);
    await expect
      .poll(
        async () =>
          (await agent.messages(conversation.id)).filter((m) => m.body.startsWith('offline')).length,
        {
          timeout: 30_000,
        },
      )
      .toBe(10);
    const stored = await agent.messages(conversation.id);
    const before = ['before reload', 'agent reply before reload', 'while you were away'];
    expect(stored.map((m) => m.body)).toEqual([...before, ...bodies]);
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    await expect.poll(() => page.locator(`${widget.pending} .sb-msg`).count()).toBe(0);
    expect(await logTexts(page)).toEqual([...before, ...bodies]);

    // And once more from the server's point of view after another reload: nothing twice.
    await page.reload();
    await page.locator(widget.launcher).click();
    await page.locator(widget.log).getByText('offline message 10').waitFor();
    expect(await logTexts(page)).toEqual([...before, ...bodies]);
  });

  it('shows the visitor their place in the queue until an agent is free', async () => {
    const { page } = await newPage();
    await startChat(page, 'Quentin');
    // The agent steps away between the form and the first message: the chat has to wait.
    unwrap(await agent.socket.timeout(10_000).emitWithAck('agent:status', { status: 'away' }));
    try {
      await sendFromWidget(page, 'Anyone there?');
      const banner = page.getByText('You are number 1 in line.');
      await banner.waitFor();
      await screenshot(page, 'desktop-queue');
      // The agent comes back: routing assigns the chat and the banner goes.
      unwrap(await agent.socket.timeout(10_000).emitWithAck('agent:status', { status: 'online' }));
      await page.locator('.sb-title').getByText('Alice Agent').waitFor();
      await banner.waitFor({ state: 'hidden' });
    } finally {
      unwrap(await agent.socket.timeout(10_000).emitWithAck('agent:status', { status: 'online' }));
    }
  });

  /** The agent steps away for `during`: chats started meanwhile wait in the queue. */
  async function whileAway(during: () => Promise<void>): Promise<void> {
    unwrap(await agent.socket.timeout(10_000).emitWithAck('agent:status', { status: 'away' }));
    try {
      await during();
    } finally {
      unwrap(await agent.socket.timeout(10_000).emitWithAck('agent:status', { status: 'online' }));
    }
  }

  it('lets a waiting visitor leave a message instead, kept in the chat an agent answers later, and shows her reply by email', async () => {
    const { page } = await newPage();
    await page.locator(widget.launcher).click();
    await page.getByLabel('Your name').fill('Lena');
    await page.getByLabel('Email').fill('lena@example.test');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await page.locator(widget.composer).waitFor();
    let conversation: Conversation | undefined;
    await whileAway(async () => {
      await sendFromWidget(page, 'Is the blue one back in stock?');
      await page.getByText('You are number 1 in line.').waitFor();
      await page.getByRole('button', { name: 'Leave a message instead' }).click();
      // Changing their mind keeps their place.
      await page.getByRole('button', { name: 'Keep waiting' }).click();
      await page.locator(widget.composer).waitFor();
      await page.getByRole('button', { name: 'Leave a message instead' }).click();
      // What the pre-chat form asked is filled in already.
      expect(await page.getByLabel('Email').inputValue()).toBe('lena@example.test');
      expect(await page.getByLabel('Name').inputValue()).toBe('Lena');
      await page.getByLabel('Email').fill('lena@shop.test');
      await screenshot(page, 'desktop-leave-queue-form');
      await page.getByRole('button', { name: 'Send message' }).click();
      await page.getByText('Your message is with us. We will answer at lena@shop.test').waitFor();
      await page.getByText('You are number 1 in line.').waitFor({ state: 'hidden' });
      await screenshot(page, 'desktop-leave-queue-sent');
      conversation = (await agent.conversations('?status=offline')).find((c) => c.visitor.name === 'Lena');
      expect(conversation?.replyTo).toBe('lena@shop.test');
      // Something to add goes into the same left message, not a new chat.
      await sendFromWidget(page, 'It is for order 4711.');
      await expect
        .poll(async () => (await agent.messages(conversation?.id ?? '')).map((m) => m.body), {
          timeout: 10_000,
        })
        .toEqual(['Is the blue one back in stock?', 'It is for order 4711.']);
      expect(
        (await agent.conversations('?status=offline')).filter((c) => c.visitor.name === 'Lena'),
      ).toHaveLength(1);
    });
    // Back online, the agent is not handed the left message; they pick it up, and the visitor
    // still on the page sees the answer.
    const id = conversation?.id ?? '';
    expect((await agent.conversations('?status=offline')).map((c) => c.id)).toContain(id);
    await agent.take(id);
    await page.locator('.sb-title').getByText('Alice Agent').waitFor();
    await agent.send(id, 'Yes, it is back since this morning.');
    await page.locator(widget.log).getByText('Yes, it is back since this morning.').waitFor();
    await page.locator(widget.composer).waitFor();

    // Lena answers the answer's email instead: her reply shows in the chat, said to be by email.
    const reply = plainReply({
      from: 'Lena <lena@shop.test>',
      answers: `<${id}@switchboard.local>`,
      text: 'Great, I will order it today.',
      quoted: 'Yes, it is back since this morning.',
    });
    const posted = await postAsGateway(server.url, reply, { secret: INBOUND_SECRET });
    expect(posted.status).toBe(200);
    const byEmail = page
      .locator(`${widget.log} .sb-own`)
      .filter({ hasText: 'Great, I will order it today.' });
    await byEmail.waitFor();
    expect(await byEmail.locator('.sb-via').textContent()).toBe('by email');
    expect(await byEmail.textContent()).not.toContain('back since this morning');
    // What she wrote in the chat says nothing of the kind.
    const typed = page.locator(`${widget.log} .sb-own`).filter({ hasText: 'It is for order 4711.' });
    expect(await typed.locator('.sb-via').count()).toBe(0);
    await screenshot(page, 'desktop-reply-by-email');
  });

  it('asks a visitor nobody answered within the maximum queue time where to answer', async () => {
    const { page } = await newPage(DESKTOP, '/callback');
    await startChat(page, 'Mats');
    await whileAway(async () => {
      await sendFromWidget(page, 'Can I return it after 30 days?');
      const asked = page.getByText(
        'Nobody could take your chat in time. Leave your email and we will answer there.',
      );
      await asked.waitFor({ timeout: (CALLBACK_MAX_QUEUE_SECONDS + 10) * 1000 });
      expect(await page.getByRole('button', { name: 'Keep waiting' }).count()).toBe(0);
      await page.getByLabel('Email').fill('mats@example.test');
      await page.getByRole('button', { name: 'Send message' }).click();
      await page.getByText('Your message is with us. We will answer at mats@example.test').waitFor();
    });
    const left = (await agent.conversations('?status=offline')).find((c) => c.visitor.name === 'Mats');
    expect(left?.replyTo).toBe('mats@example.test');
    expect((await agent.messages(left?.id ?? '')).map((m) => m.body)).toEqual([
      'Can I return it after 30 days?',
    ]);
  });

  it("names the bot and says it hands the chat to a person in the site's language; its answers stay as the admin wrote them", async () => {
    const { page } = await newPage(DESKTOP, '/zh-bot');
    await page.locator(widget.launcher).click();
    await page.getByLabel('您的姓名').fill('Bo');
    await page.getByLabel('主题').selectOption('order');
    await page.getByRole('button', { name: '开始聊天' }).click();
    await page.locator(widget.composer).waitFor();
    await sendFromWidget(page, '你们的营业时间是？');
    const fromBot = page.locator(`${widget.log} .sb-agent .sb-text`);
    await fromBot.getByText('我们周一至周五 9–17 点营业。').waitFor();
    await sendFromWidget(page, '我要人工客服');
    // The server's English body ("Let me connect you with a person…") stays behind.
    await fromBot.getByText('正在为您转接人工客服，请稍候。').waitFor();
    expect(await fromBot.allTextContents()).toEqual([
      '我们周一至周五 9–17 点营业。',
      '正在为您转接人工客服，请稍候。',
    ]);
    // The bot signs in the site's language too (the server's sender name is "Assistant").
    expect(await page.locator(`${widget.log} .sb-agent .sb-name`).allTextContents()).toEqual([
      '助手',
      '助手',
    ]);
    await screenshot(page, 'desktop-bot-handoff-zh');
  });

  it("says in the site's language that a supervisor joined the chat", async () => {
    const { page } = await newPage(DESKTOP, '/zh', 'Asia/Shanghai');
    await page.locator(widget.launcher).click();
    await page.getByLabel('您的姓名').fill('Lin');
    await page.getByLabel('主题').selectOption('order');
    await page.getByRole('button', { name: '开始聊天' }).click();
    await page.locator(widget.composer).waitFor();
    await sendFromWidget(page, '我的订单还没到。');
    const conversation = await conversationOf('Lin');
    await agent.take(conversation.id);
    const supervisor = await TestAgent.connect(server.url, SUPERVISOR);
    try {
      unwrap(
        await supervisor.socket
          .timeout(10_000)
          .emitWithAck('supervisor:barge', { conversationId: conversation.id }),
      );
      // The server's English body ("Sue Supervisor (supervisor) joined the conversation.") stays
      // behind: the widget words the message's data in Chinese.
      const joined = page.locator(`${widget.log} .sb-system .sb-text`);
      await joined.getByText('Sue Supervisor（主管）已加入对话').waitFor();
      expect(await joined.allTextContents()).toEqual(['Sue Supervisor（主管）已加入对话']);
      await screenshot(page, 'desktop-supervisor-joined-zh');
      // The transcript says it in Chinese too.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载聊天记录' }).click();
      const path = await (await download).path();
      const transcript = readFileSync(path, 'utf8');
      expect(transcript).toMatch(/\] 系统: Sue Supervisor（主管）已加入对话。\n$/);
      // Times on the visitor's clock (Shanghai), not ISO timestamps in UTC.
      expect(
        transcript
          .split('\n')
          .filter(Boolean)
          .every((line) => /^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}\] /.test(line)),
      ).toBe(true);
    } finally {
      supervisor.close();
    }
  });

  it('shows markup in messages as text and runs nothing', async () => {
    const { page } = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await startChat(page, 'Mallory');
    await sendFromWidget(page, XSS);
    const conversation = await conversationOf('Mallory');
    await agent.take(conversation.id);
    await agent.send(conversation.id, `${XSS} <script>alert(2)</script>`);
    await page.locator(widget.log).getByText(`${XSS} <script>alert(2)</script>`).waitFor();
    expect(await logTexts(page)).toEqual([XSS, `${XSS} <script>alert(2)</script>`]);
    expect(await page.locator(`${widget.host} img`).count()).toBe(0);
    expect(await page.locator(`${widget.host} script`).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('is not changed by the host page’s aggressive CSS', async () => {
    const measure = async (path: string) => {
      const { page } = await newPage(DESKTOP, path);
      await page.locator(widget.launcher).click();
      await page.getByLabel('Your name').waitFor();
      const box = async (selector: string) => page.locator(selector).first().boundingBox();
      const result = {
        launcher: await box(widget.launcher),
        panel: await box(widget.panel),
        nameInput: await box('#sb-prechat-name'),
        startButton: await box('.sb-form button[type=submit]'),
        styles: await page.locator('#sb-prechat-name').evaluate((el) => {
          const s = getComputedStyle(el);
          return [s.fontSize, s.fontFamily, s.lineHeight, s.color, s.letterSpacing];
        }),
        title: await page.locator('.sb-title').evaluate((el) => getComputedStyle(el).fontSize),
      };
      await screenshot(page, path === '/hostile' ? 'desktop-hostile-css' : 'desktop-plain-css');
      return result;
    };
    const plain = await measure('/');
    const hostile = await measure('/hostile');
    expect(hostile).toEqual(plain);
    expect(plain.styles[0]).toBe('14px');
  });

  it('refuses a page on an origin the widget does not allow', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    contexts.push(context);
    const page = await context.newPage();
    const before = (await agent.conversations()).length;
    await page.goto(`${evilSite.origin}/`);
    await page.waitForSelector('[data-switchboard-widget][data-state=unavailable]', { state: 'attached' });
    expect(await page.locator(widget.launcher).count()).toBe(0);
    await page.evaluate(() => (window as unknown as { Switchboard?: { open(): void } }).Switchboard?.open());
    expect(await page.locator(widget.panel).count()).toBe(0);

    // The page's own scripts cannot get a visitor session either: the server refuses the origin.
    const attempt = await page.evaluate(
      async ({ url, widgetId }) => {
        try {
          const response = await fetch(`${url}/api/visitor/sessions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ widgetId }),
          });
          return `status ${response.status}`;
        } catch {
          return 'blocked';
        }
      },
      { url: server.url, widgetId: server.fixture.widgetId },
    );
    expect(attempt).toBe('blocked');
    const refused = await fetch(`${server.url}/api/visitor/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: evilSite.origin },
      body: JSON.stringify({ widgetId: server.fixture.widgetId }),
    });
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'origin-not-allowed' } });
    expect((await agent.conversations()).length).toBe(before);
  });

  it('uses the whole screen on a phone', async () => {
    const { page } = await newPage(MOBILE);
    await screenshot(page, 'mobile-launcher');
    await startChat(page, 'Mobi');
    await sendFromWidget(page, 'Hello from my phone');
    const conversation = await conversationOf('Mobi');
    await agent.take(conversation.id);
    await agent.send(conversation.id, 'Hi Mobi, how can I help?');
    await page.locator(widget.log).getByText('Hi Mobi, how can I help?').waitFor();
    const panel = await page.locator(widget.panel).boundingBox();
    expect(panel).toMatchObject({ x: 0, y: 0, width: MOBILE.width, height: MOBILE.height });
    await screenshot(page, 'mobile-chat');
    await page.locator(widget.composer).press('Escape');
    await page.locator(widget.panel).waitFor({ state: 'hidden' });
    expect(
      await page
        .locator(widget.launcher)
        .evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    ).toBe(true);
  });

  it('checks files before uploading, previews an image and shows the sent one from its blob', async () => {
    const { page } = await newPage();
    await startChat(page, 'Ines');
    const fileInput = page.locator(`${widget.host} input[type=file]`);
    await fileInput.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await page.getByText('Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.').waitFor();
    await fileInput.setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
    expect(await page.locator('.sb-chip img').getAttribute('src')).toMatch(/^blob:/);
    await sendFromWidget(page, 'Here is my receipt');
    const conversation = await conversationOf('Ines');
    const [stored] = await agent.messages(conversation.id);
    expect(stored).toMatchObject({
      body: 'Here is my receipt',
      attachment: { fileName: 'receipt.png', mimeType: 'image/png' },
    });
    const shown = page.locator(`${widget.log} img.sb-thumb`);
    await expect.poll(() => shown.getAttribute('src')).toMatch(/^blob:/);
    expect(await shown.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    await screenshot(page, 'desktop-attachment');
  });

  it('holds a file sent before the chat has connected until it can be delivered', async () => {
    const { page } = await newPage();
    // The socket's handshake is held back, as on a slow network, while the visitor attaches a file.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/socket.io/**', async (route) => {
      await released;
      await route.continue();
    });
    await startChat(page, 'Jonas');
    await page
      .locator(`${widget.host} input[type=file]`)
      .setInputFiles({ name: 'invoice.png', mimeType: 'image/png', buffer: PNG });
    await sendFromWidget(page, 'The invoice');
    await expect.poll(() => page.locator(widget.composer).inputValue()).toBe('');
    release();
    const conversation = await conversationOf('Jonas');
    expect(await agent.messages(conversation.id)).toMatchObject([
      { body: 'The invoice', attachment: { fileName: 'invoice.png' } },
    ]);
    expect(await page.getByText('The file could not be sent. Please try again.').count()).toBe(0);
  });

  it('asks for a rating once the chat is resolved', async () => {
    const { page } = await newPage();
    await startChat(page, 'Rosa');
    await sendFromWidget(page, 'Can I change my address?');
    const conversation = await conversationOf('Rosa');
    await agent.take(conversation.id);
    await agent.send(conversation.id, 'Done, the parcel goes to the new address.');
    await agent.resolve(conversation.id);
    await page.getByText('This chat has ended.').waitFor();
    await page.getByRole('radio', { name: '4 out of 5' }).click();
    await page.getByLabel('Anything to add? (optional)').fill('Fast, thanks');
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    await screenshot(page, 'desktop-rating');
  });

  it("starts afresh when the visitor's data is erased: the chat goes from the widget too", async () => {
    const { page } = await newPage();
    await startChat(page, 'Erika');
    await sendFromWidget(page, 'Please delete everything about me afterwards.');
    const conversation = await conversationOf('Erika');
    await agent.take(conversation.id);
    await agent.send(conversation.id, 'Will do.');
    await agent.resolve(conversation.id);
    await page.getByText('This chat has ended.').waitFor();
    const admin = await TestAgent.connect(server.url, ADMIN);
    try {
      const erased = await fetch(`${server.url}/api/admin/visitors/${conversation.visitor.id}/erase`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(erased.status).toBe(200);
    } finally {
      admin.close();
    }
    // The server closes the visitor's socket; the widget asks again, hears its token is no
    // longer good, and forgets the session and the chat.
    await expect
      .poll(() => page.locator(widget.log).textContent(), { timeout: 15_000 })
      .not.toContain('Please delete everything about me afterwards.');
    expect(await page.getByText('Reconnecting…').count()).toBe(0);
    await screenshot(page, 'desktop-after-erasure');
  });

  it('offers the offline-message form when nobody is available', async () => {
    agent.close();
    try {
      const { page } = await newPage(DESKTOP, '/plain');
      await page.locator(widget.launcher).click();
      await page.getByText('Leave us a message').waitFor();
      await page.getByLabel('Email').fill('not an email');
      await page.getByRole('textbox', { name: 'Message' }).fill('Do you ship to Norway?');
      await page.getByRole('button', { name: 'Send message' }).click();
      await page.getByText('Please enter a valid email address.').waitFor();
      await page.getByLabel('Email').fill('olaf@example.test');
      await page.getByRole('button', { name: 'Send message' }).click();
      await page.getByText('Your message is with us. We will answer at olaf@example.test').waitFor();
      await page.locator(widget.log).getByText('Do you ship to Norway?').waitFor();
      await screenshot(page, 'desktop-offline-form-sent');
    } finally {
      agent = await TestAgent.connect(server.url);
    }
    const offline = (await agent.conversations('?status=offline')).filter(
      (c) => c.replyTo === 'olaf@example.test',
    );
    expect(offline).toHaveLength(1);
    expect((await agent.messages(offline[0]?.id ?? '')).map((m) => m.body)).toEqual([
      'Do you ship to Norway?',
    ]);
  });
});
