import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreChatField, ReadUpdate, Report } from '@switchboard/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from './support/admin-api.js';
import { tempDir } from './support/fakes.js';
import { ADA, ALICE, CAROL, DEMO_PASSWORD, ServerProcess } from './support/server-process.js';
import { buildWorkbench, servePages } from './support/static-pages.js';
import { Visitor } from './support/visitor.js';
import { launchChromium, openWorkbench } from './support/workbench-page.js';

const ARTIFACTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const SCRATCH = tempDir('switchboard-supervisor-e2e-');
const WEB = path.join(SCRATCH, 'web');
let pageDirs = 0;
/** Each page's main-process data (session, cache) under the suite's scratch folder, removed after. */
const scratchDir = () => {
  const dir = path.join(SCRATCH, `page-${++pageDirs}`);
  mkdirSync(dir);
  return dir;
};

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

type Workbench = Awaited<ReturnType<typeof openWorkbench>>;

describe('the supervisor window, the admin area and reports against a real server', () => {
  let pages: Awaited<ReturnType<typeof servePages>>;
  let server: ServerProcess;
  let browser: Browser;
  let carol: Workbench;
  let alice: Workbench;
  let ada: Workbench;
  let vera: Visitor;
  const veraReads: ReadUpdate[] = [];

  async function signIn(page: Page, email: string) {
    await page.getByLabel('Server URL').fill(server.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(async () =>
      expect(await page.getByTestId('reachability').textContent()).toContain('Server reachable'),
    );
  }

  async function setTheme(page: Page, theme: 'light' | 'dark') {
    await page.getByTestId('open-settings').click();
    await page.getByLabel('Theme').selectOption(theme);
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
    await eventually(async () =>
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
        theme === 'dark',
      ),
    );
  }

  const tile = () => carol.page.locator('[data-testid="team-tile"]').first();
  const chatRow = (id: string) =>
    carol.page.locator(`[data-testid="live-chat"][data-conversation-id="${id}"]`);
  const agentRow = (name: string) => carol.page.locator('[data-testid="agent-row"]', { hasText: name });

  beforeAll(async () => {
    buildWorkbench(WEB);
    mkdirSync(ARTIFACTS, { recursive: true });
    pages = await servePages(WEB);
    // The workbench comes from its own origin (like app://switchboard in Electron), allowed by config.
    server = new ServerProcess({ workbenchOrigins: [pages.url] });
    await server.start();
    browser = await launchChromium();
  });

  afterAll(async () => {
    vera?.close();
    await browser?.close();
    await server?.dispose();
    await pages?.close();
    rmSync(SCRATCH, { recursive: true, force: true });
  });

  it('a supervisor opens the supervisor view; the team tile updates when a visitor joins the queue', async () => {
    carol = await openWorkbench(browser, pages.url, scratchDir());
    await signIn(carol.page, CAROL);
    // Carol is in the Support team too, but a supervisor signs in away: the visitor waits in the queue.
    await eventually(async () => expect(await carol.page.getByLabel('Status').inputValue()).toBe('away'));
    await carol.page.getByTestId('nav-supervisor').click();
    await eventually(async () => expect(await tile().getByTestId('tile-queue').textContent()).toBe('0'));
    expect(await carol.page.getByTestId('nav-admin').count()).toBe(0);

    vera = await Visitor.join(server.url, 'Vera', { pageUrl: 'https://shop.example/cart' });
    vera.socket.on('read:update', (update) => veraReads.push(update));
    await vera.say('Hello, my order is late.');
    // Pushed over the socket: the DOM changes without any reload or polling.
    await eventually(async () => expect(await tile().getByTestId('tile-queue').textContent()).toBe('1'));
    await eventually(async () => expect(await chatRow(vera.conversationId).count()).toBe(1));

    // In Electron this opens the separate supervisor window (the recording host counts it).
    await carol.page.getByTestId('open-supervisor-window').click();
    await eventually(() => expect(carol.host.supervisorWindows).toBe(1));
  });

  it('monitors a live chat silently: history shown, no read receipt reaches the visitor', async () => {
    alice = await openWorkbench(browser, pages.url, scratchDir());
    await signIn(alice.page, ALICE);
    // Alice is online: the chat is assigned to her (she has not opened it).
    await eventually(async () => expect(await chatRow(vera.conversationId).textContent()).toContain('Alice'));
    await eventually(async () => expect(await tile().getByTestId('tile-queue').textContent()).toBe('0'));

    await chatRow(vera.conversationId).getByTestId('monitor').click();
    const timeline = carol.page.getByTestId('monitor-timeline');
    await eventually(async () => expect(await timeline.textContent()).toContain('Hello, my order is late.'));
    await vera.say('Are you there?');
    await eventually(async () => expect(await timeline.textContent()).toContain('Are you there?'));
    expect(await carol.page.getByTestId('monitor-note').textContent()).toContain('Monitoring silently');
    // Where the visitor is: the page the chat started on, then the one they went to.
    const where = carol.page.getByTestId('monitor-page');
    await eventually(async () => expect(await where.textContent()).toContain('https://shop.example/cart'));
    await vera.viewPage('https://shop.example/checkout', 'Checkout');
    await eventually(async () => expect(await where.textContent()).toBe('Now on: Checkout'));
    // The live-chat grid says so too.
    await eventually(async () =>
      expect(await chatRow(vera.conversationId).getByTestId('live-chat-page').textContent()).toBe('Checkout'),
    );
    // What Vera is writing (the demo's widget shares drafts), and that she is typing.
    const panel = carol.page.getByTestId('monitor-panel');
    await vera.type(true, 'I need it by Friday');
    await eventually(async () =>
      expect(await panel.getByTestId('visitor-draft').locator('p').textContent()).toBe('I need it by Friday'),
    );
    expect(await panel.getByTestId('typing').textContent()).toBe('Vera is typing…');
    await vera.type(false);
    await eventually(async () => expect(await panel.getByTestId('visitor-draft').count()).toBe(0));
    // Vera still has the site open.
    expect(await panel.getByTestId('visitor-presence').textContent()).toBe('On the site');
    // Nobody has read anything: the supervisor's monitoring sent no read receipt.
    expect(veraReads).toEqual([]);
    expect(vera.received.every((m) => m.sender.kind === 'visitor')).toBe(true);
  });

  it('whispers: the agent sees it in her workbench, the visitor never receives it', async () => {
    const whisper = 'Offer her the express refund (whisper).';
    await carol.page.getByTestId('whisper-composer').fill(whisper);
    await carol.page.getByTestId('whisper-composer').press('Enter');
    await eventually(async () =>
      expect(await carol.page.getByTestId('monitor-timeline').textContent()).toContain(whisper),
    );

    // Alice opens the chat from her list: the whisper is in her timeline, marked agents-only.
    const row = alice.page.locator(
      `[data-testid="conversation-row"][data-conversation-id="${vera.conversationId}"]`,
    );
    await eventually(async () => {
      await alice.page.getByTestId('view-mine').click();
      expect(await row.count()).toBe(1);
    });
    await row.click();
    await eventually(async () =>
      expect(await alice.page.getByTestId('timeline').textContent()).toContain(whisper),
    );
    // The agent's own reading does send a receipt: the earlier silence was the supervisor's, not a dead channel.
    await eventually(() => expect(veraReads.some((r) => r.reader.kind === 'agent')).toBe(true));
    expect(veraReads.every((r) => r.reader.name === 'Alice Agent')).toBe(true);

    expect(vera.received.some((m) => m.body === whisper)).toBe(false);
    expect((await vera.transcript()).some((m) => m.body === whisper)).toBe(false);
  });

  it('sees a raised hand and takes the chat over', async () => {
    await alice.page.getByTestId('raise-hand').click();
    await eventually(async () => expect(await agentRow('Alice').getByTestId('hand-raised').count()).toBe(1));

    await carol.page.getByTestId('takeover').click();
    await eventually(async () =>
      expect(await carol.page.getByTestId('monitor-assignee').textContent()).toBe('Carol Supervisor'),
    );
    await eventually(async () => expect(await chatRow(vera.conversationId).textContent()).toContain('Carol'));
    expect(await carol.page.getByTestId('monitor-note').textContent()).toContain('now yours');

    // Hers now: no whispering to herself; she answers Vera from the workbench.
    expect(await carol.page.getByTestId('whisper-composer').count()).toBe(0);
    await carol.page.getByTestId('open-in-workbench').click();
    const composer = carol.page.getByTestId('composer');
    await eventually(async () => expect(await composer.isVisible()).toBe(true));
    await eventually(async () =>
      expect(await carol.page.getByTestId('internal-toggle').isDisabled()).toBe(false),
    );
    await composer.fill('Carol here: I have your order in front of me.');
    await composer.press('Enter');
    await eventually(() =>
      expect(vera.received.some((m) => m.body === 'Carol here: I have your order in front of me.')).toBe(
        true,
      ),
    );
    await carol.page.getByTestId('nav-supervisor').click();
  });

  it('the supervisor window (Electron: #/supervisor-window) runs alone on the stored session', async () => {
    // Same main-process services as Carol's workbench: the session the window finds is hers.
    const window = await openWorkbench(browser, pages.url, scratchDir(), {
      main: { services: carol.services, host: carol.host, handlers: carol.handlers },
    });
    await window.page.goto(`${pages.url}/app/#/supervisor-window`);
    await window.page.reload();
    const row = window.page.locator(
      `[data-testid="live-chat"][data-conversation-id="${vera.conversationId}"]`,
    );
    await eventually(async () => expect(await row.textContent()).toContain('Carol'));
    // The supervisor view alone: no workbench lists, no status switch.
    expect(await window.page.getByTestId('view-mine').count()).toBe(0);
    expect(await window.page.getByLabel('Status', { exact: true }).count()).toBe(0);
    // It rotated the stored refresh token; Carol's workbench session is still good.
    const stored = carol.services.sessions.load();
    expect(stored?.user.email).toBe(CAROL);
    await carol.page.getByTestId('nav-reports').click();
    await eventually(async () => expect(await carol.page.getByTestId('report-table').isVisible()).toBe(true));
    await carol.page.getByTestId('nav-supervisor').click();

    // Vera's chat is Carol's since the takeover: the window has no workbench, so its button asks
    // main to bring the workbench forward with the chat open.
    await row.getByTestId('monitor').click();
    await eventually(async () =>
      expect(await window.page.getByTestId('monitor-note').textContent()).toContain('now yours'),
    );
    expect(await window.page.getByTestId('whisper-composer').count()).toBe(0);
    await window.page.getByTestId('open-in-workbench').click();
    await eventually(() => expect(carol.host.shownInWorkbench).toEqual([vera.conversationId]));
    // What main then sends the workbench's window (src/main/index.ts): the chat opens there, and
    // so it does for a clicked notification, whichever view was in front.
    const pushToCarol = (push: string) =>
      carol.page.evaluate(
        ([name, conversationId]) =>
          (
            globalThis as unknown as { __switchboardPush: (push: string, payload: unknown) => void }
          ).__switchboardPush(name as string, { conversationId }),
        [push, vera.conversationId],
      );
    for (const push of ['workbench:show-conversation', 'notification:clicked']) {
      await carol.page.getByTestId('nav-supervisor').click();
      await eventually(async () => expect(await carol.page.getByTestId('composer').count()).toBe(0));
      await pushToCarol(push);
      await eventually(async () => expect(await carol.page.getByTestId('composer').isVisible()).toBe(true));
      await eventually(async () =>
        expect(await carol.page.getByTestId('timeline').textContent()).toContain('I have your order'),
      );
    }
    await carol.page.getByTestId('nav-supervisor').click();
    expect(window.errors).toEqual([]);
    expect(window.rejected).toEqual([]);
    await window.context.close();
  });

  it('barges in and replies visibly, forces an agent away, and ends the chat', async () => {
    const wen = await Visitor.join(server.url, 'Wen');
    try {
      await wen.say('Can someone help with my invoice?');
      await eventually(async () =>
        expect(await chatRow(wen.conversationId).textContent()).toContain('Alice'),
      );
      await chatRow(wen.conversationId).getByTestId('monitor').click();
      await eventually(async () =>
        expect(await carol.page.getByTestId('monitor-timeline').textContent()).toContain('invoice'),
      );
      await carol.page.getByTestId('barge').click();
      await eventually(async () =>
        expect(await carol.page.getByTestId('monitor-note').textContent()).toContain('joined'),
      );
      // The visitor now sees the supervisor: a system message, then her visible reply.
      await eventually(() => expect(wen.received.some((m) => m.sender.kind === 'system')).toBe(true));
      await carol.page.getByLabel('Reply', { exact: true }).check();
      await carol.page.getByTestId('whisper-composer').fill('Hi Wen, Carol here from the billing team.');
      await carol.page.getByTestId('whisper-send').click();
      await eventually(() =>
        expect(wen.received.some((m) => m.body === 'Hi Wen, Carol here from the billing team.')).toBe(true),
      );

      await agentRow('Alice').getByTestId('force-status').selectOption('away');
      await eventually(async () =>
        expect(await agentRow('Alice').getByTestId('agent-status').textContent()).toBe('Away'),
      );
      await eventually(async () => expect(await alice.page.getByLabel('Status').inputValue()).toBe('away'));

      await carol.page.getByTestId('end').click();
      await carol.page.getByTestId('confirm-end').click();
      await eventually(async () => expect(await chatRow(wen.conversationId).count()).toBe(0));
      expect(await carol.page.getByTestId('monitor-note').textContent()).toContain('ended');
    } finally {
      wen.close();
    }
  });

  it('the audit log in the admin area shows each supervisor action, filterable by target', async () => {
    ada = await openWorkbench(browser, pages.url, scratchDir());
    await signIn(ada.page, ADA);
    await ada.page.getByLabel('Status').selectOption('away');
    await ada.page.getByTestId('nav-admin').click();
    await ada.page.getByTestId('admin-audit').click();
    await ada.page.getByTestId('audit-target').fill(vera.conversationId);
    await ada.page.getByTestId('audit-filter').click();
    const rows = ada.page.locator('[data-testid="audit-row"]');
    // Until the filtered page arrives the list shows the unfiltered one: wait for the filtered rows.
    await eventually(async () => {
      const shown = await rows.evaluateAll((els) =>
        els.map((el) => ({
          action: el.getAttribute('data-action'),
          target: el.getAttribute('data-target-id'),
        })),
      );
      expect(new Set(shown.map((row) => row.target))).toEqual(new Set([vera.conversationId]));
      expect(shown.map((row) => row.action)).toEqual(
        expect.arrayContaining(['conversation.monitor', 'conversation.whisper', 'conversation.takeover']),
      );
      expect(shown.every((row) => row.action?.startsWith('conversation.'))).toBe(true);
    });
    expect(await rows.first().textContent()).toContain('Carol Supervisor');
    // Each action in words, never its code.
    const texts = await rows.allTextContents();
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('Took over a chat')]));
    expect(texts.some((text) => text.includes('conversation.'))).toBe(false);
  });

  it('the admin area shows where the server emails go and sends the admin a test email', async () => {
    await ada.page.getByTestId('admin-email').click();
    const mailbox = path.join(server.dataDir, 'mail');
    expect(await ada.page.getByTestId('email-destination').textContent()).toBe(`.eml files in ${mailbox}`);
    expect(await ada.page.getByTestId('email-files').textContent()).toBe(
      'attached, up to 10 MB per email; the rest are named, to open in the chat',
    );
    // The demo sets no inbound secret: replies do not come back, and the admin is told so.
    expect(await ada.page.getByTestId('email-replies').textContent()).toBe(
      'go to the sender’s mailbox, not into the conversation (set email.inboundSecret and a mail gateway)',
    );
    await ada.page.getByTestId('email-test').click();
    await ada.page.getByText(`A test email went to ${ADA} through .eml files in ${mailbox}.`).waitFor();
    const sent = readdirSync(mailbox).map((name) => readFileSync(path.join(mailbox, name), 'utf8'));
    expect(
      sent.filter((text) => text.includes(`To: ${ADA}`) && text.includes('Subject: Switchboard test email')),
    ).toHaveLength(1);
  });

  it('the admin edits a pre-chat field in both languages; saving keeps its options’ Chinese labels', async () => {
    await ada.page.getByTestId('admin-widgets').click();
    const topic = ada.page
      .getByTestId('prechat-field')
      .filter({ has: ada.page.locator('input[value="topic"]') });
    await topic.getByLabel('Label in Chinese (optional)').waitFor();
    expect(await topic.getByLabel('Label in Chinese (optional)').inputValue()).toBe('主题');
    expect(await topic.getByLabel('Options in Chinese (value=label, optional)').inputValue()).toBe(
      'order=订单, billing=账单, other=其他',
    );
    await topic.getByLabel('Label in Chinese (optional)').fill('咨询主题');
    await ada.page.getByRole('button', { name: 'Save', exact: true }).click();
    await ada.page.getByText('Saved.').first().waitFor();
    const api = await adminApi(server.url);
    const [widget] = await api<Array<{ settings: { preChatFields: PreChatField[] } }>>('/api/admin/widgets');
    const saved = widget?.settings.preChatFields.find((f) => f.key === 'topic');
    expect(saved?.label).toEqual({ en: 'Topic', 'zh-CN': '咨询主题' });
    expect(saved?.options?.map((o) => o.label['zh-CN'])).toEqual(['订单', '账单', '其他']);
  });

  it('the admin stops recording the pages visitors go to; saved with the widget, the server lists it', async () => {
    await ada.page.getByTestId('admin-widgets').click();
    const api = await adminApi(server.url);
    const listed = async () => (await api<Array<{ pageTracking: string }>>('/api/admin/widgets'))[0];
    expect((await listed())?.pageTracking).toBe('full');
    const form = ada.page.getByTestId('widget-form').first();
    const select = form.getByLabel('Pages visitors go to while chatting');
    expect(await select.inputValue()).toBe('full');
    expect(await select.getAttribute('aria-describedby')).toBe(
      await form.getByText('A query string may carry what a site puts there').getAttribute('id'),
    );
    await select.selectOption({ label: 'Do not record' });
    await form.screenshot({ path: `${ARTIFACTS}admin-widget-page-tracking.png` });
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () => expect((await listed())?.pageTracking).toBe('off'));
    // Back to the default, for the tests after this one.
    await select.selectOption({ label: 'Record the full address' });
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () => expect((await listed())?.pageTracking).toBe('full'));
  });

  it('the admin turns the draft preview off and on again; saved with the widget, the server lists it', async () => {
    await ada.page.getByTestId('admin-widgets').click();
    const api = await adminApi(server.url);
    const listed = async () => (await api<Array<{ typingPreview: boolean }>>('/api/admin/widgets'))[0];
    // The demo's widget shares drafts.
    expect((await listed())?.typingPreview).toBe(true);
    const form = ada.page.getByTestId('widget-form').first();
    const box = form.getByLabel('Agents see what visitors type before they send it');
    expect(await box.isChecked()).toBe(true);
    expect(await box.getAttribute('aria-describedby')).toBe(
      await form.getByText('The chat box tells visitors so.').getAttribute('id'),
    );
    const save = form.getByRole('button', { name: 'Save', exact: true });
    await box.uncheck();
    await save.click();
    await eventually(async () => expect((await listed())?.typingPreview).toBe(false));
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await save.click();
    await eventually(async () => expect((await listed())?.typingPreview).toBe(true));
  });

  it('after a save the widget form shows the widget as the server kept it, not as the admin typed it', async () => {
    await ada.page.getByTestId('admin-widgets').click();
    const form = ada.page.getByTestId('widget-form').first();
    const name = form.getByLabel('Name', { exact: true });
    const pageTracking = form.getByLabel('Pages visitors go to while chatting');
    const save = form.getByRole('button', { name: 'Save', exact: true });
    const original = await name.inputValue();
    // The server trims a name.
    await name.fill(`  ${original}  `);
    await save.click();
    await eventually(async () => expect(await name.inputValue()).toBe(original));

    // A server from before page tracking: it neither keeps the choice nor lists it (read as "full").
    const update = '**/api/admin/widgets/*';
    await ada.page.route(update, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const { pageTracking: _unknown, ...body } = route.request().postDataJSON() as Record<string, unknown>;
      const response = await route.fetch({ postData: JSON.stringify(body) });
      const { data, ...envelope } = (await response.json()) as { data: Record<string, unknown> };
      const { pageTracking: _kept, ...older } = data;
      await route.fulfill({ response, json: { ...envelope, data: older } });
    });
    try {
      await pageTracking.selectOption({ label: 'Do not record' });
      await save.click();
      await eventually(async () => expect(await pageTracking.inputValue()).toBe('full'));
    } finally {
      await ada.page.unroute(update);
    }
  });

  it('the admin adds a widget for a new site, sees its secret once and copies its embed code', async () => {
    await ada.page.getByTestId('admin-widgets').click();
    const api = await adminApi(server.url);
    const before = await api<Array<{ id: string }>>('/api/admin/widgets');
    const add = ada.page.getByTestId('new-widget');
    await add.getByLabel('Name', { exact: true }).fill('Tea shop');
    // The demo's one team is chosen already.
    const team = add.getByLabel('Team');
    await eventually(async () => expect(await team.locator('option:checked').textContent()).toBe('Support'));
    const origins = add.getByLabel('Allowed origins (one per line)');
    // An address with a path is not an origin: refused, nothing added.
    await origins.fill('https://tea.example/shop');
    await add.getByRole('button', { name: 'Add widget' }).click();
    await eventually(async () =>
      expect(await ada.page.getByText('an origin: scheme://host[:port], no path').count()).toBeGreaterThan(0),
    );
    expect(await api<unknown[]>('/api/admin/widgets')).toHaveLength(before.length);

    await origins.fill('https://tea.example\n\n  https://www.tea.example ');
    await add.getByRole('button', { name: 'Add widget' }).click();
    const form = ada.page.getByTestId('widget-form').filter({ hasText: 'Tea shop' });
    await eventually(async () => expect(await form.count()).toBe(1));
    const widgets =
      await api<Array<{ id: string; name: string; allowedOrigins: string[]; teamId: string }>>(
        '/api/admin/widgets',
      );
    const tea = widgets.find((w) => w.name === 'Tea shop');
    expect(tea?.allowedOrigins).toEqual(['https://tea.example', 'https://www.tea.example']);
    // Cleared for the next one.
    expect(await origins.inputValue()).toBe('');

    const secret = (await form.getByTestId('one-time-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(43);
    expect(await form.getByText("The new widget's identity secret, shown only now").count()).toBe(1);
    const code = `<script src="${server.url}/widget.js" data-widget="${tea?.id}" async></script>`;
    expect(await form.getByTestId('embed-code').textContent()).toBe(code);
    await form.getByRole('button', { name: 'Copy', exact: true }).click();
    await eventually(() => expect(ada.host.clipboard).toEqual([code]));
    await form.screenshot({ path: `${ARTIFACTS}admin-widget-added.png` });

    // The new site may use it at once.
    const config = await fetch(`${server.url}/api/widgets/${tea?.id}/config`, {
      headers: { origin: 'https://www.tea.example' },
    });
    expect(await config.json()).toMatchObject({ ok: true });

    // A secret is shown once: after a reload the widget's form has none.
    await ada.page.reload();
    await ada.page.getByTestId('nav-admin').click();
    await ada.page.getByTestId('admin-widgets').click();
    await eventually(async () => expect(await form.count()).toBe(1));
    expect(await form.getByTestId('one-time-secret').count()).toBe(0);
    expect(await form.getByTestId('embed-code').textContent()).toBe(code);
  });

  it('flags a chat whose offers keep going unanswered, and lists it first among the live chats', async () => {
    const api = await adminApi(server.url);
    const teams = await api<Array<{ id: string; name: string }>>('/api/teams');
    const support = teams.find((team) => team.name === 'Support');
    if (!support) throw new Error('the demo seed has no Support team');
    const routing = `/api/teams/${support.id}/routing`;
    const before = await api<object>(routing);
    await api(routing, { ...before, mode: 'offer', offerTimeoutSeconds: 60 });
    const wynn = await Visitor.join(server.url, 'Wynn');
    try {
      await alice.page.getByLabel('Status').selectOption('online');
      await wynn.say('Is anybody there?');
      const banner = alice.page.getByTestId('offer-banner');
      const missed = chatRow(wynn.conversationId).getByTestId('missed-offers');
      // Alice is the only one online: each decline rings her again, and the count goes up. The
      // second decline is from the keyboard (Alt+D).
      for (const count of [1, 2]) {
        await eventually(async () => expect(await banner.textContent()).toContain('Wynn'));
        if (count === 1) await banner.getByRole('button', { name: 'Decline' }).click();
        else await alice.page.keyboard.press('Alt+KeyD');
        await eventually(async () =>
          expect(await missed.textContent()).toBe(`${count} unanswered offer${count === 1 ? '' : 's'}`),
        );
      }
      expect(await missed.getAttribute('data-escalated')).toBe('true');
      // One native notification each, recorded by the host: Carol, and Ada, an admin in the admin
      // area with no live feed open.
      const alerted = (who: Workbench) =>
        who.host.notifications.filter(
          (n) => n.conversationId === wynn.conversationId && n.title === 'A chat is going unanswered',
        );
      for (const who of [carol, ada]) {
        await eventually(() =>
          expect(alerted(who)).toEqual([
            {
              title: 'A chat is going unanswered',
              body: 'Wynn — 2 unanswered offers',
              conversationId: wynn.conversationId,
              urgent: false,
            },
          ]),
        );
      }
      expect(await ada.page.getByTestId('admin-audit').count()).toBe(1);
      const first = carol.page.locator('[data-testid="live-chat"]').first();
      expect(await first.getAttribute('data-conversation-id')).toBe(wynn.conversationId);
      await carol.page.screenshot({ path: `${ARTIFACTS}supervisor-escalated.png` });

      // Accepting the next ring, from the keyboard (Alt+A), assigns it, and the flag goes.
      await eventually(async () => expect(await banner.textContent()).toContain('Wynn'));
      await alice.page.keyboard.press('Alt+KeyA');
      await eventually(async () =>
        expect(await chatRow(wynn.conversationId).textContent()).toContain('Alice'),
      );
      expect(await missed.count()).toBe(0);
    } finally {
      await api(routing, before);
      wynn.close();
    }
  });

  it('takes screenshots of the supervisor view and the admin area in both themes', async () => {
    await eventually(async () => expect(await tile().isVisible()).toBe(true));
    await carol.page.screenshot({ path: `${ARTIFACTS}supervisor-light.png` });
    await ada.page.getByTestId('admin-users').click();
    await eventually(async () => expect(await ada.page.locator('[data-testid="user-row"]').count()).toBe(4));
    await ada.page.screenshot({ path: `${ARTIFACTS}admin-light.png` });
    await setTheme(carol.page, 'dark');
    await carol.page.screenshot({ path: `${ARTIFACTS}supervisor-dark.png` });
    await setTheme(ada.page, 'dark');
    await ada.page.screenshot({ path: `${ARTIFACTS}admin-dark.png` });
  });

  it('shows reports with a chart and exports them as CSV', async () => {
    await carol.page.getByTestId('nav-reports').click();
    await eventually(async () => expect(await carol.page.getByTestId('report-table').isVisible()).toBe(true));
    await eventually(async () =>
      expect(await carol.page.locator('[data-testid="report-bar"]').count()).toBeGreaterThan(0),
    );
    const download = carol.page.waitForEvent('download');
    await carol.page.getByTestId('report-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^switchboard-report-.*\.csv$/);

    // Drill-down: the total row lists exactly the conversations it counts, each one opens.
    const total = carol.page.locator('[data-testid="report-table"] tfoot tr');
    const counted = Number(await total.locator('td').nth(1).textContent());
    const abandoned = Number(await total.locator('td').nth(2).textContent());
    expect(counted).toBeGreaterThan(0);
    await total.getByTestId('report-drill-open').click();
    const rows = carol.page.getByTestId('report-drill-row');
    await eventually(async () => expect(await rows.count()).toBe(counted));
    await carol.page.getByTestId('report-drill-filter').selectOption('abandoned');
    await eventually(async () => expect(await rows.count()).toBe(abandoned));
    await carol.page.getByTestId('report-drill-filter').selectOption('all');
    await eventually(async () => expect(await rows.count()).toBe(counted));
    const drillFile = carol.page.waitForEvent('download');
    await carol.page.getByTestId('report-drill-export').click();
    const exported = await drillFile;
    expect(exported.suggestedFilename()).toMatch(/^switchboard-conversations-.*-total-all\.csv$/);
    const exportedLines = (await readFile((await exported.path()) ?? '', 'utf8')).trim().split('\r\n');
    expect(exportedLines).toHaveLength(counted + 1);
    await carol.page.screenshot({ path: `${ARTIFACTS}reports-dark.png` });
    const first = rows.first();
    const conversationId = (await first.getAttribute('data-conversation-id')) ?? '';
    await first.getByRole('button', { name: 'Open' }).click();
    await eventually(async () =>
      expect(
        await carol.page.locator(`[data-testid="tab"][data-conversation-id="${conversationId}"]`).count(),
      ).toBe(1),
    );

    // Per agent, the fairness figures: the chats each was given, as the server counts them.
    await carol.page.getByTestId('nav-reports').click();
    await carol.page.getByLabel('Per').selectOption('agent');
    const from = await carol.page.getByLabel('From').inputValue();
    const to = await carol.page.getByLabel('To').inputValue();
    await carol.page.getByRole('button', { name: 'Show' }).click();
    const admin = await adminApi(server.url);
    const timezone = await carol.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const byAgent = await admin<Report>(
      `/api/reports?from=${from}&to=${to}&groupBy=agent&timezone=${encodeURIComponent(timezone)}`,
    );
    const given = byAgent.rows.find((r) => r.label === 'Alice Agent')?.assignments ?? 0;
    expect(given).toBeGreaterThan(0);
    const aliceRow = carol.page.getByTestId('report-row').filter({ hasText: 'Alice Agent' });
    await eventually(async () =>
      expect(await aliceRow.locator('td').nth(10).textContent()).toBe(String(given)),
    );
    await carol.page.screenshot({ path: `${ARTIFACTS}reports-per-agent-dark.png` });
    expect(carol.errors).toEqual([]);
  });

  it('a supervisor closes a left message nobody should answer, without taking it', async () => {
    const spam = await Visitor.leaveOfflineMessage(server.url, 'Cheap Watches', 'Buy cheap watches now!!!');
    await carol.page.getByTestId('nav-workbench').click();
    await carol.page.getByTestId('view-unassigned').click();
    const row = carol.page.locator(`[data-testid="conversation-row"][data-conversation-id="${spam}"]`);
    await eventually(async () => expect(await row.textContent()).toContain('Buy cheap watches now!!!'));
    await row.click();
    await carol.page.getByTestId('resolve').click();
    await carol.page.getByRole('dialog').getByRole('button', { name: 'Resolve' }).click();
    await eventually(async () => expect(await row.count()).toBe(0));
    const admin = await adminApi(server.url);
    expect(await admin<{ status: string; assignee: unknown }>(`/api/conversations/${spam}`)).toMatchObject({
      status: 'resolved',
      assignee: null,
    });
    expect(carol.errors).toEqual([]);
  });

  it('reports per tag what the chats were about, the chats without a tag in a row of their own', async () => {
    /** `tags` typed, or `{ pick }`: the tag chosen among those the dialog offers. */
    const resolveWithTags = async (name: string, body: string, tags: string | { pick: string }) => {
      const id = await Visitor.leaveOfflineMessage(server.url, name, body);
      await carol.page.getByTestId('nav-workbench').click();
      await carol.page.getByTestId('view-unassigned').click();
      const row = carol.page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`);
      await eventually(async () => expect(await row.count()).toBe(1));
      await row.click();
      await carol.page.getByTestId('resolve').click();
      const dialog = carol.page.getByRole('dialog');
      if (typeof tags === 'string') await dialog.getByLabel('Tags (comma-separated)').fill(tags);
      else {
        const offered = dialog
          .getByTestId('tag-suggestions')
          .getByRole('button', { name: tags.pick, exact: true });
        await dialog.screenshot({ path: `${ARTIFACTS}resolve-tag-suggestions.png` });
        await offered.click();
        expect(await dialog.getByLabel('Tags (comma-separated)').inputValue()).toBe(tags.pick);
        // Chosen: no longer offered.
        expect(await offered.count()).toBe(0);
      }
      await dialog.getByRole('button', { name: 'Resolve' }).click();
      await eventually(async () => expect(await row.count()).toBe(0));
      return id;
    };
    const both = await resolveWithTags(
      'Tess',
      'Where is my refund? It was shipped back.',
      'Refund, Shipping',
    );
    // Tess's tags are offered now: Tom's chat is tagged as hers was.
    const one = await resolveWithTags('Tom', 'I would like a refund.', { pick: 'Refund' });
    const lower = await resolveWithTags('Uma', 'Refund for order 77?', 'refund');

    await carol.page.getByTestId('nav-reports').click();
    await carol.page.getByLabel('Per').selectOption('tag');
    await carol.page.getByRole('button', { name: 'Show' }).click();
    const rows = carol.page.getByTestId('report-row');
    const cell = (row: number, column: number) => rows.nth(row).locator('td').nth(column).textContent();
    // The most frequent first, in the spelling used most; then the chats nobody tagged.
    await eventually(async () => expect(await rows.count()).toBe(3));
    expect([await cell(0, 0), await cell(0, 1)]).toEqual(['Refund', '3']);
    expect([await cell(1, 0), await cell(1, 1)]).toEqual(['Shipping', '1']);
    expect(await cell(2, 0)).toBe('No tag');
    // Agents' figures do not apply to a tag: not shown as zeros; the total keeps them.
    expect(await cell(0, 8)).toBe('—');
    const total = carol.page.locator('[data-testid="report-table"] tfoot tr');
    expect(await total.locator('td').nth(8).textContent()).not.toBe('—');

    await rows.nth(0).getByTestId('report-drill-open').click();
    const drilled = carol.page.getByTestId('report-drill-row');
    await eventually(async () => expect(await drilled.count()).toBe(3));
    const ids = await drilled.evaluateAll((items) =>
      items.map((i) => i.getAttribute('data-conversation-id')),
    );
    expect(ids.sort()).toEqual([both, lower, one].sort());
    await carol.page.screenshot({ path: `${ARTIFACTS}reports-per-tag.png` });

    // A chat nobody tagged, tagged afterwards from its own view: the report counts it.
    await rows.nth(2).getByTestId('report-drill-open').click();
    await carol.page.getByRole('heading', { name: 'Conversations: No tag' }).waitFor();
    // The untagged chats listed, not the refunds' list still on screen.
    const listed = () =>
      drilled.evaluateAll((items) => items.map((i) => i.getAttribute('data-conversation-id')));
    await eventually(async () => {
      const now = await listed();
      expect(now.length).toBeGreaterThan(0);
      expect(now).not.toContain(both);
    });
    const untagged = (await drilled.first().getAttribute('data-conversation-id')) ?? '';
    await drilled.first().getByRole('button', { name: 'Open' }).click();
    const chatTab = carol.page.locator(`[data-testid="tab"][data-conversation-id="${untagged}"]`);
    await eventually(async () => expect(await chatTab.count()).toBe(1));
    await carol.page.getByTestId('edit-tags').click();
    const tagsDialog = carol.page.getByRole('dialog');
    await tagsDialog
      .getByTestId('tag-suggestions')
      .getByRole('button', { name: 'Refund', exact: true })
      .click();
    await tagsDialog.getByRole('button', { name: 'Save tags' }).click();
    await eventually(async () => expect(await tagsDialog.count()).toBe(0));
    await carol.page.getByTestId('nav-reports').click();
    await carol.page.getByLabel('Per').selectOption('tag');
    await carol.page.getByRole('button', { name: 'Show' }).click();
    await eventually(async () => expect([await cell(0, 0), await cell(0, 1)]).toEqual(['Refund', '4']));
    expect(carol.errors).toEqual([]);
  });

  it('marks a live chat whose visitor has left the site in the live-chat grid', async () => {
    await carol.page.getByTestId('nav-supervisor').click();
    const vic = await Visitor.join(server.url, 'Vic Gone');
    try {
      await eventually(async () => expect(await chatRow(vic.conversationId).count()).toBe(1));
      expect(await chatRow(vic.conversationId).getByTestId('visitor-gone').count()).toBe(0);
      vic.close();
      await eventually(async () =>
        expect(await chatRow(vic.conversationId).getByTestId('visitor-gone').textContent()).toBe('left'),
      );
    } finally {
      vic.close();
    }
  });

  it('deactivating an agent in the admin area signs her workbench out at once', async () => {
    ada.page.on('dialog', (dialog) => void dialog.accept());
    const row = ada.page.locator(`[data-testid="user-row"][data-email="${ALICE}"]`);
    await row.getByTestId('deactivate').click();
    await eventually(async () =>
      expect(await row.getByTestId('user-state').textContent()).toBe('Deactivated'),
    );
    // Her socket is disconnected and her session revoked: the workbench is back at the login screen.
    await eventually(async () =>
      expect(await alice.page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true),
    );
    // The sign-in form says why, with her email filled in.
    expect(await alice.page.getByTestId('login-hint').textContent()).toContain(
      'Your account was deactivated',
    );
    expect(await alice.page.getByLabel('Email').inputValue()).toBe(ALICE);
    expect(alice.services.sessions.load()).toBeNull();
    for (const wb of [carol, alice, ada]) {
      expect(wb.errors).toEqual([]);
      expect(wb.rejected).toEqual([]);
    }
  });
});
