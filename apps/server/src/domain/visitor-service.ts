import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { VisitorSession, VisitorSessionRequest } from '@switchboard/protocol';
import type { Db } from '../store/open-sqlite.js';
import type { VisitorRecord, WidgetRecord } from '../store/records.js';
import {
  getVisitorByExternalId,
  getVisitorByTokenHash,
  insertVisitor,
  insertVisitorToken,
  markVisitorBack,
  markVisitorsAway,
  saveVisitorLeftAt,
} from '../store/visitors.js';
import { getWidget } from '../store/widgets.js';
import { DomainError } from './errors.js';
import type { VisitorPrincipal } from './principal.js';
import { hashOpaqueToken, newOpaqueToken } from './tokens.js';

export function identitySignature(userId: string, widgetSecret: string): string {
  return createHmac('sha256', widgetSecret).update(userId).digest('hex');
}

export class VisitorService {
  constructor(private readonly db: Db) {}

  /** The visitor's last connection closed at `at`. */
  async left(visitorId: string, at: string): Promise<void> {
    await saveVisitorLeftAt(this.db, visitorId, at);
  }

  /** A connection of the visitor's is open again; true when they had counted as gone. */
  back(visitorId: string): Promise<boolean> {
    return markVisitorBack(this.db, visitorId);
  }

  /**
   * At start, before any socket connects: whoever the last process had connected is away from now
   * (when that process stopped is not recorded).
   */
  async awayFromStart(at: number): Promise<void> {
    await markVisitorsAway(this.db, new Date(at).toISOString());
  }

  async widget(widgetId: string): Promise<WidgetRecord> {
    const widget = await getWidget(this.db, widgetId);
    if (!widget) throw new DomainError('not-found', 'No such widget.');
    return widget;
  }

  /**
   * Issues a visitor token. With a valid signed identity the same person is the same visitor on
   * every device; without one each session is a new anonymous visitor.
   */
  async createSession(request: VisitorSessionRequest, origin: string | undefined): Promise<VisitorSession> {
    const widget = await this.widget(request.widgetId);
    if (!originAllowed(widget, origin)) {
      throw new DomainError('origin-not-allowed', 'This site is not allowed to use this widget.');
    }
    let visitor: VisitorRecord | undefined;
    if (request.identity) {
      const expected = Buffer.from(identitySignature(request.identity.userId, widget.secret), 'hex');
      const given = Buffer.from(request.identity.signature, 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new DomainError('identity-invalid', 'The identity signature does not match.');
      }
      visitor = await getVisitorByExternalId(this.db, widget.id, request.identity.userId);
    } else if (widget.identityMode === 'enforce') {
      throw new DomainError('identity-required', 'This widget accepts signed identities only.');
    }
    if (!visitor) {
      visitor = {
        id: randomUUID(),
        widgetId: widget.id,
        externalId: request.identity?.userId ?? null,
        name: request.name ?? null,
        email: request.email ?? null,
        verified: request.identity !== undefined,
      };
      await insertVisitor(this.db, visitor);
    }
    const { token, hash } = newOpaqueToken();
    await insertVisitorToken(this.db, visitor.id, hash);
    return { visitorId: visitor.id, visitorToken: token, verified: visitor.verified };
  }

  async authenticate(token: string): Promise<VisitorPrincipal> {
    const visitor = await getVisitorByTokenHash(this.db, hashOpaqueToken(token));
    if (!visitor) throw new DomainError('token-invalid', 'Unknown visitor token.');
    return {
      kind: 'visitor',
      visitorId: visitor.id,
      widgetId: visitor.widgetId,
      name: visitor.name,
      verified: visitor.verified,
    };
  }
}

/** Requests without an Origin header come from non-browser clients and carry a token anyway. */
export function originAllowed(widget: WidgetRecord, origin: string | undefined): boolean {
  return (
    origin === undefined || widget.allowedOrigins.includes('*') || widget.allowedOrigins.includes(origin)
  );
}
