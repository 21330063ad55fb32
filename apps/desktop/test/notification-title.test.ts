import { describe, expect, it } from 'vitest';
import { notificationTitleKey } from '../src/renderer/features/notifications/notification-title.js';
import { conversation } from './support/fakes.js';

describe('a conversation notification’s title', () => {
  it('says a visitor left a message when they left an address, and that nobody took the chat in time when not', () => {
    const left = conversation({ status: 'offline', replyTo: 'ida@example.test' });
    const timedOut = conversation({ status: 'offline', replyTo: null });
    expect(notificationTitleKey('left', left)).toBe('notify.left');
    expect(notificationTitleKey('left', timedOut)).toBe('notify.timedOut');
    expect(notificationTitleKey('queued', conversation({ status: 'queued', replyTo: null }))).toBe(
      'notify.queued',
    );
  });
});
