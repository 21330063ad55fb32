import { describe, expect, it } from 'vitest';
import {
  BOT_VARIABLES,
  BotEntry,
  CannedReplyCreate,
  CannedReplyUpdate,
  fillPlaceholders,
  unknownPlaceholders,
} from '../src/index.js';

const NOOR = { visitorName: 'Noor Haddad', agentName: 'Alice Agent' };
const NOBODY = { visitorName: null, agentName: 'Alice Agent' };

describe('canned reply placeholders', () => {
  it('fills each variable, the first name being the first word of the name', () => {
    expect(
      fillPlaceholders(
        'Hi {{visitor.firstName}} ({{visitor.name}}), {{agent.firstName}} here. — {{ agent.name }}',
        NOOR,
      ),
    ).toBe('Hi Noor (Noor Haddad), Alice here. — Alice Agent');
    expect(fillPlaceholders('你好{{visitor.firstName}}', { ...NOOR, visitorName: '王小明' })).toBe(
      '你好王小明',
    );
  });

  it('uses the fallback where nobody gave a name, and the value where there is one', () => {
    const body = 'Hi {{visitor.firstName | there}}!';
    expect(fillPlaceholders(body, NOBODY)).toBe('Hi there!');
    expect(fillPlaceholders(body, { ...NOBODY, visitorName: '   ' })).toBe('Hi there!');
    expect(fillPlaceholders(body, NOOR)).toBe('Hi Noor!');
  });

  it('leaves nothing, and no stray space before punctuation, for a missing value without fallback', () => {
    expect(fillPlaceholders('Hi {{visitor.firstName}}, how can I help?', NOBODY)).toBe('Hi, how can I help?');
    expect(fillPlaceholders('Thanks {{visitor.name}}!', NOBODY)).toBe('Thanks!');
    expect(fillPlaceholders('Dear {{visitor.name}} and team', NOBODY)).toBe('Dear and team');
    expect(fillPlaceholders('Bye {{visitor.name}}', NOBODY)).toBe('Bye');
  });

  it('leaves alone what names no variable, and text that only looks like a template', () => {
    expect(fillPlaceholders('{{visitor.nmae}} and {{ }} and {{x}} and {x.y}', NOOR)).toBe(
      '{{visitor.nmae}} and {{ }} and {{x}} and {x.y}',
    );
    expect(unknownPlaceholders('{{visitor.nmae}} {{agent.name}} {{ order.id | n/a }} {{ }} {{x}}')).toEqual([
      '{{visitor.nmae}}',
      '{{ order.id | n/a }}',
    ]);
  });

  it('refuses a reply naming an unknown variable when it is created or changed, and says which', () => {
    const create = CannedReplyCreate.safeParse({
      shortcut: 'hi',
      title: 'Greeting',
      body: 'Hi {{visitor.nmae}}',
      scope: 'personal',
    });
    expect(create.success).toBe(false);
    expect(create.error?.issues[0]?.message).toContain('{{visitor.nmae}}');
    expect(create.error?.issues[0]?.message).toContain('{{visitor.firstName}}');
    expect(CannedReplyUpdate.safeParse({ body: 'Hi {{Visitor.Name}}' }).success).toBe(false);
    expect(
      CannedReplyCreate.safeParse({
        shortcut: 'hi',
        title: 'Greeting',
        body: 'Hi {{visitor.firstName | there}}, {{agent.firstName}} here.',
        scope: 'personal',
      }).success,
    ).toBe(true);
  });

  it("lets a bot's answer name the visitor, never an agent (a bot has none)", () => {
    expect(unknownPlaceholders('Hi {{visitor.firstName}}, {{agent.name}} here', BOT_VARIABLES)).toEqual([
      '{{agent.name}}',
    ]);
    const answer = (text: string) => BotEntry.safeParse({ keywords: ['hours'], answer: text });
    expect(answer('Hi {{visitor.firstName | there}}, we open at 9.').success).toBe(true);
    const agent = answer('{{agent.firstName}} says we open at 9.');
    expect(agent.success).toBe(false);
    expect(agent.error?.issues[0]?.message).toBe(
      'unknown placeholder {{agent.firstName}}: use {{visitor.name}}, {{visitor.firstName}}, {{team.name}}, {{page.url}}, {{page.title}}, {{custom.<key>}}',
    );
    expect(answer('Your {{custom.plan | free}} plan includes chat.').success).toBe(true);
  });

  it("fills the page and the site's custom attributes, the fallback where the conversation has none", () => {
    const values = {
      ...NOOR,
      attributes: {
        pageUrl: 'https://shop.example/checkout',
        pageTitle: ' Checkout ',
        custom: { plan: 'Pro', order_id: 4711, 'cart-total': '€42', trial: false, blank: ' ' },
      },
    };
    expect(
      fillPlaceholders(
        'On {{page.title}} ({{page.url}}): {{custom.plan}} plan, order {{custom.order_id}}, {{ custom.cart-total }}, trial {{custom.trial}}.',
        values,
      ),
    ).toBe('On Checkout (https://shop.example/checkout): Pro plan, order 4711, €42, trial false.');
    expect(fillPlaceholders('Plan: {{custom.tier | unknown}}; {{custom.blank | none}}', values)).toBe(
      'Plan: unknown; none',
    );
    // No attributes at all (an older cache, a chat without a page): fallbacks, or nothing.
    expect(fillPlaceholders('Hi {{custom.plan | there}} from {{page.title}}!', NOOR)).toBe('Hi there from!');
    // A key the prototype chain has is not an attribute.
    expect(fillPlaceholders('{{custom.toString | n/a}} {{custom.constructor | n/a}}', values)).toBe(
      'n/a n/a',
    );
  });

  it("fills the conversation's team, the fallback where there is none", () => {
    const body = 'Thanks for contacting {{team.name | us}}!';
    expect(fillPlaceholders(body, { ...NOOR, teamName: 'Billing' })).toBe('Thanks for contacting Billing!');
    expect(fillPlaceholders(body, { ...NOOR, teamName: null })).toBe('Thanks for contacting us!');
    expect(fillPlaceholders(body, NOOR)).toBe('Thanks for contacting us!');
  });

  it('accepts any custom key where custom attributes are allowed, and only there', () => {
    expect(unknownPlaceholders('{{custom.plan}} {{custom.order_id | ?}} {{custom.a.b-c}}')).toEqual([]);
    expect(unknownPlaceholders('{{custom.plan}} {{page.url}}', ['visitor.name'])).toEqual([
      '{{custom.plan}}',
      '{{page.url}}',
    ]);
    expect(
      CannedReplyCreate.safeParse({
        shortcut: 'plan',
        title: 'Plan',
        body: 'You are on {{custom.plan | the free}} plan; I see you on {{page.title}}.',
        scope: 'personal',
      }).success,
    ).toBe(true);
  });
});
