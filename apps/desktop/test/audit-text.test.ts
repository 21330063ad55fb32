import { describe, expect, it } from 'vitest';
import {
  auditActionText,
  auditDetailsText,
  auditTargetText,
  type KnownNames,
} from '../src/renderer/features/admin/audit-text.js';
import { i18n } from '../src/renderer/i18n/index.js';

const BOB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const SUPPORT = '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e';
const names: KnownNames = { users: new Map([[BOB, 'Bob Agent']]), teams: new Map([[SUPPORT, 'Support']]) };
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

describe('the audit log in the app’s language', () => {
  it('words every action', () => {
    expect(auditActionText(en, 'conversation.takeover')).toBe('Took over a chat');
    expect(auditActionText(zh, 'conversation.takeover')).toBe('接管会话');
    expect(auditActionText(zh, 'widget.secret')).toBe('更换访客插件的身份密钥');
  });

  it('names a user or team it acted on, else shows the start of the id', () => {
    expect(auditTargetText({ targetId: BOB }, names)).toBe('Bob Agent');
    expect(auditTargetText({ targetId: SUPPORT }, names)).toBe('Support');
    expect(auditTargetText({ targetId: 'f0b27a5a-5076-4472-a93d-6a26f5d72358' }, names)).toBe('f0b27a5a');
  });

  it('words the details: field names, coded values, a transfer’s target, changed fields', () => {
    expect(auditDetailsText(zh, { to: { kind: 'agent', userId: BOB }, reason: '账单问题' }, names)).toBe(
      '转给: Bob Agent · 原因: 账单问题',
    );
    expect(auditDetailsText(en, { to: { kind: 'team', teamId: SUPPORT }, reason: 'billing' }, names)).toBe(
      'to: Support · reason: billing',
    );
    expect(auditDetailsText(zh, { email: 'new@example.com', role: 'supervisor' }, names)).toBe(
      '邮箱: new@example.com · 角色: 主管',
    );
    expect(auditDetailsText(zh, { fields: ['name', 'teamIds'] }, names)).toBe('修改项: 名称, 团队');
    expect(auditDetailsText(en, { status: 'away' }, names)).toBe('status: Away');
    // A chat's tags corrected: the words, none as a dash.
    expect(auditDetailsText(en, { before: [], after: ['Refund', 'Billing'] }, names)).toBe(
      'before: — · after: Refund, Billing',
    );
    expect(auditDetailsText(zh, { before: ['退款'], after: [] }, names)).toBe('之前: 退款 · 之后: —');
    expect(auditDetailsText(en, { from: 'Alice Agent', reason: null }, names)).toBe(
      'from: Alice Agent · reason: —',
    );
  });

  it('shows what it has no words for as recorded', () => {
    expect(auditDetailsText(zh, { future: 'x', role: 'owner' }, names)).toBe('future: x · 角色: owner');
    expect(auditDetailsText(en, { to: { kind: 'agent', userId: 'gone' } }, names)).toBe(
      'to: {"kind":"agent","userId":"gone"}',
    );
  });
});
