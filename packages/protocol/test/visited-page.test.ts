import { describe, expect, it } from 'vitest';
import { agentPushes, agentRequests, PageView, VisitedPages, visitorRequests } from '../src/index.js';
import { ids, now } from './fixtures.js';

const view = { conversationId: ids.conversation, url: 'https://shop.example.com/checkout?step=2' };

describe('page:view', () => {
  it('is a visitor request only, and its update a push to staff', () => {
    expect(visitorRequests['page:view'].request).toBe(PageView);
    expect(Object.keys(agentRequests)).not.toContain('page:view');
    expect(
      agentPushes['visitor:page'].safeParse({
        conversationId: ids.conversation,
        page: { url: view.url, title: null, at: now },
      }).success,
    ).toBe(true);
  });

  it('takes a page with or without its title', () => {
    expect(PageView.parse(view)).toEqual(view);
    expect(PageView.parse({ ...view, title: 'Checkout' })).toEqual({ ...view, title: 'Checkout' });
  });

  it.each([
    ['a javascript: URL', { ...view, url: 'javascript:alert(1)' }],
    ['a data: URL', { ...view, url: 'data:text/html,<b>x</b>' }],
    ['a relative URL', { ...view, url: '/checkout' }],
    ['a URL over 2048 characters', { ...view, url: `https://example.com/${'a'.repeat(2040)}` }],
    ['a title over 300 characters', { ...view, title: 't'.repeat(301) }],
    ['a null title', { ...view, title: null }],
    ['an unknown key', { ...view, referrer: 'https://example.com/' }],
    ['no conversation', { url: view.url }],
  ])('refuses %s', (_name, payload) => {
    expect(PageView.safeParse(payload).success).toBe(false);
  });
});

describe('VisitedPages', () => {
  it('holds at most 100 pages', () => {
    const page = { url: view.url, title: 'Checkout', at: now };
    expect(VisitedPages.safeParse({ pages: Array(100).fill(page) }).success).toBe(true);
    expect(VisitedPages.safeParse({ pages: Array(101).fill(page) }).success).toBe(false);
  });
});
