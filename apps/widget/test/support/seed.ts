import { randomBytes, randomUUID } from 'node:crypto';
import type { WidgetSettings } from '@switchboard/protocol';
// The server's own store functions write the fixture: the same code the server reads it with.
import { hashPassword } from '../../../server/src/domain/passwords.js';
import { replaceBotEntries } from '../../../server/src/store/bot.js';
import { migrateToLatest } from '../../../server/src/store/migrate.js';
import { openSqlite } from '../../../server/src/store/open-sqlite.js';
import { addTeamMember, insertTeam, insertUser } from '../../../server/src/store/users.js';
import { setWidgetSettings } from '../../../server/src/store/widget-settings.js';
import { insertWidget } from '../../../server/src/store/widgets.js';

export const AGENT = { email: 'alice@widget.test', name: 'Alice Agent', password: 'widget-test-password' };
/** Administers the server (erases visitors); not in any team. */
export const ADMIN = { email: 'ada@widget.test', name: 'Ada Admin', password: 'widget-test-password' };
/** Supervises the Support team; never online, so routing gives her no chats. */
export const SUPERVISOR = {
  email: 'sue@widget.test',
  name: 'Sue Supervisor',
  password: 'widget-test-password',
};

export interface WidgetFixture {
  widgetId: string;
  /** A widget with no pre-chat form (for measuring the open time). */
  plainWidgetId: string;
  /** Routes to a team whose bot answers first (and hands over when asked for a person). */
  botWidgetId: string;
  /** Routes to a team whose visitors wait at most CALLBACK_MAX_QUEUE_SECONDS. */
  callbackWidgetId: string;
  /** Shares the visitor's draft with staff as they type (`typingPreview`). */
  previewWidgetId: string;
}

export const CALLBACK_MAX_QUEUE_SECONDS = 3;

export const TEST_SETTINGS: WidgetSettings = {
  primaryColor: '#0f766e',
  position: 'right',
  greeting: { en: 'Hi! How can we help?', 'zh-CN': '您好！有什么可以帮您？' },
  defaultLocale: 'en',
  preChatFields: [
    { key: 'name', label: { en: 'Your name', 'zh-CN': '您的姓名' }, type: 'text', required: true },
    { key: 'email', label: { en: 'Email', 'zh-CN': '邮箱' }, type: 'email', required: false },
    {
      key: 'topic',
      label: { en: 'Topic', 'zh-CN': '主题' },
      type: 'select',
      required: false,
      options: [
        { value: 'order', label: { en: 'An order', 'zh-CN': '订单' } },
        { value: 'other', label: { en: 'Something else', 'zh-CN': '其他' } },
      ],
    },
  ],
  transcriptEnabled: true,
};

/**
 * Migrates the database file and writes two teams, one agent in both, a supervisor of the first
 * and the test widgets.
 */
export async function seedWidgetDatabase(file: string, allowedOrigins: string[]): Promise<WidgetFixture> {
  const store = openSqlite(file, 'normal');
  try {
    await migrateToLatest(store.db);
    const teamId = randomUUID();
    await insertTeam(store.db, { id: teamId, name: 'Support' });
    const person = async (who: typeof AGENT, role: 'agent' | 'supervisor') => {
      const id = randomUUID();
      await insertUser(store.db, {
        id,
        email: who.email,
        name: who.name,
        role,
        passwordHash: await hashPassword(who.password, 1024),
      });
      await addTeamMember(store.db, teamId, id);
      return id;
    };
    const agentId = await person(AGENT, 'agent');
    await person(SUPERVISOR, 'supervisor');
    await insertUser(store.db, {
      id: randomUUID(),
      email: ADMIN.email,
      name: ADMIN.name,
      role: 'admin',
      passwordHash: await hashPassword(ADMIN.password, 1024),
    });
    const callbackTeamId = randomUUID();
    await insertTeam(store.db, { id: callbackTeamId, name: 'Callbacks' });
    await store.db
      .updateTable('teams')
      .set({ max_queue_seconds: CALLBACK_MAX_QUEUE_SECONDS })
      .where('id', '=', callbackTeamId)
      .execute();
    await addTeamMember(store.db, callbackTeamId, agentId);
    const botTeamId = randomUUID();
    await insertTeam(store.db, { id: botTeamId, name: 'Assistant first' });
    await store.db.updateTable('teams').set({ bot_enabled: 1 }).where('id', '=', botTeamId).execute();
    await replaceBotEntries(store.db, botTeamId, [
      { keywords: ['营业时间'], answer: '我们周一至周五 9–17 点营业。' },
    ]);
    await addTeamMember(store.db, botTeamId, agentId);
    const widget = async (settings: WidgetSettings, team = teamId, typingPreview = false) => {
      const id = randomUUID();
      await insertWidget(store.db, {
        id,
        name: 'Widget test shop',
        secret: randomBytes(32).toString('base64url'),
        allowedOrigins,
        identityMode: 'optional',
        teamId: team,
        typingPreview,
      });
      await setWidgetSettings(store.db, id, settings);
      return id;
    };
    return {
      widgetId: await widget(TEST_SETTINGS),
      plainWidgetId: await widget({ ...TEST_SETTINGS, preChatFields: [] }),
      callbackWidgetId: await widget(TEST_SETTINGS, callbackTeamId),
      botWidgetId: await widget(TEST_SETTINGS, botTeamId),
      previewWidgetId: await widget(TEST_SETTINGS, teamId, true),
    };
  } finally {
    await store.close();
  }
}
