import type { ApiError } from '@switchboard/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { toastError, toastFailure, useToasts } from '../src/renderer/features/toasts/store.js';
import { i18n } from '../src/renderer/i18n/index.js';

const last = () => useToasts.getState().toasts.at(-1)?.text;

describe('a failed request as a toast', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  const atCapacity: ApiError = { code: 'conflict', message: 'Alice Agent is at capacity.' };
  const unknown: ApiError = { code: 'unknown-event', message: 'Unknown event "agent:hand".' };

  it("names what failed and why in English, with the server's own specifics", () => {
    toastError('takeOver', atCapacity);
    expect(last()).toBe('Take over: Alice Agent is at capacity.');
    toastError('hand', unknown);
    expect(last()).toBe('Hand: This server does not support it yet.');
  });

  it('says it all in Chinese in the Chinese workbench: the action, and what the error code means', async () => {
    await i18n.changeLanguage('zh-CN');
    toastError('takeOver', atCapacity);
    expect(last()).toBe('接管失败：当前无法执行此操作（可能已被他人更改）。');
    // The server said why as data: the toast says it too.
    toastError('transfer', {
      ...atCapacity,
      details: { reason: { code: 'agent-at-capacity', agent: 'Alice Agent' } },
    });
    expect(last()).toBe('转接失败：Alice Agent 已达接待上限。');
    toastError('cannedReply', {
      code: 'conflict',
      message: 'The shortcut "refund" is taken.',
      details: { reason: { code: 'shortcut-taken', shortcut: 'refund' } },
    });
    expect(last()).toBe('快捷回复失败：快捷指令 "refund" 已被占用。');
    // A reason this version does not know falls back to the code's words.
    toastError('transfer', { ...atCapacity, details: { reason: { code: 'moon-phase' } } });
    expect(last()).toBe('转接失败：当前无法执行此操作（可能已被他人更改）。');
    toastError('request', { code: 'rate-limited', message: 'Too many requests.' });
    expect(last()).toBe('请求失败：请求过于频繁，请稍后再试。');
  });

  it('keeps the words of a failure the page found itself, in either language', async () => {
    await i18n.changeLanguage('zh-CN');
    toastFailure('routing', i18n.t('admin.teams.badHours'));
    expect(last()).toBe('路由设置失败：营业时间格式：HH:MM-HH:MM，用逗号分隔。');
  });
});
