import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_WIDGET_SETTINGS, type WidgetSettings } from '@switchboard/protocol';
import { hashPassword } from '../domain/passwords.js';
import { insertCannedReply } from '../store/canned-replies.js';
import type { Db } from '../store/open-sqlite.js';
import { addTeamMember, countUsers, insertTeam, insertUser } from '../store/users.js';
import { setWidgetSettings } from '../store/widget-settings.js';
import { insertWidget } from '../store/widgets.js';

export const DEMO_PASSWORD = 'switchboard-demo';
/** Fixed so that the demo page (apps/widget/src/demo) can embed the demo widget without a lookup. */
export const DEMO_WIDGET_ID = '5e1f0a2b-7c3d-4e5f-8a9b-0c1d2e3f4a5b';

const DEMO_WIDGET_SETTINGS: WidgetSettings = {
  ...DEFAULT_WIDGET_SETTINGS,
  greeting: {
    en: 'Hi! Questions about your order? We are here.',
    'zh-CN': '您好！关于订单有任何问题，我们随时为您服务。',
  },
  preChatFields: [
    { key: 'name', label: { en: 'Your name', 'zh-CN': '您的姓名' }, type: 'text', required: true },
    {
      key: 'email',
      label: { en: 'Email (optional)', 'zh-CN': '邮箱（选填）' },
      type: 'email',
      required: false,
    },
    {
      key: 'topic',
      label: { en: 'Topic', 'zh-CN': '主题' },
      type: 'select',
      required: false,
      options: [
        { value: 'order', label: { en: 'An order', 'zh-CN': '订单' } },
        { value: 'billing', label: { en: 'Billing', 'zh-CN': '账单' } },
        { value: 'other', label: { en: 'Something else', 'zh-CN': '其他' } },
      ],
    },
  ],
};

const DEMO_CANNED_REPLIES = [
  {
    shortcut: 'hello',
    title: 'Greeting',
    body: 'Hi {{visitor.firstName | there}}, {{agent.firstName}} here. Thanks for reaching out! How can I help you today?',
  },
  {
    shortcut: 'order',
    title: 'Ask for the order number',
    body: 'Could you send me your order number? It starts with SB- and is in your confirmation email.',
  },
  {
    // The demo page sends `cartItems` as a custom attribute (`setAttributes`).
    shortcut: 'cart',
    title: 'Help with the cart',
    body: 'I can see your cart ({{custom.cartItems | a few}} items). Shall I help you finish the checkout?',
  },
  {
    shortcut: 'refund',
    title: 'Refund on its way',
    body: 'I have started the refund; it reaches your account within 5 business days.',
  },
  {
    shortcut: 'bye',
    title: 'Closing',
    body: 'Is there anything else I can help you with? Have a great day!',
  },
];

export interface DemoSeed {
  logins: Array<{ email: string; role: string }>;
  password: string;
  widgetId: string;
}

/** On an empty database: an admin, two agents, a supervisor, the Support team and a demo widget. */
export async function seedDemo(
  db: Db,
  scryptCost: number,
  widgetOrigins: string[],
): Promise<DemoSeed | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const hash = await hashPassword(DEMO_PASSWORD, scryptCost);
  const teamId = randomUUID();
  await insertTeam(db, { id: teamId, name: 'Support' });
  const people = [
    { email: 'admin@switchboard.local', name: 'Ada Admin', role: 'admin' as const },
    { email: 'alice@switchboard.local', name: 'Alice Agent', role: 'agent' as const },
    { email: 'bob@switchboard.local', name: 'Bob Agent', role: 'agent' as const },
    { email: 'carol@switchboard.local', name: 'Carol Supervisor', role: 'supervisor' as const },
  ];
  for (const person of people) {
    const id = randomUUID();
    await insertUser(db, { id, ...person, passwordHash: hash });
    await addTeamMember(db, teamId, id);
  }
  const widgetId = DEMO_WIDGET_ID;
  await insertWidget(db, {
    id: widgetId,
    // What the demo page calls the shop: answer emails name it ("Re: your message to …").
    name: 'Northwind Coffee',
    secret: randomBytes(32).toString('base64url'),
    allowedOrigins: widgetOrigins,
    identityMode: 'optional',
    teamId,
    // So that whoever tries the demo sees a draft appear in the workbench as the visitor types.
    typingPreview: true,
  });
  await setWidgetSettings(db, widgetId, DEMO_WIDGET_SETTINGS);
  for (const reply of DEMO_CANNED_REPLIES) await insertCannedReply(db, { id: randomUUID(), ...reply });
  return { logins: people.map(({ email, role }) => ({ email, role })), password: DEMO_PASSWORD, widgetId };
}
