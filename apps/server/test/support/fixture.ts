import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/domain/passwords.js';
import type { StaffPrincipal } from '../../src/domain/principal.js';
import { insertConversation } from '../../src/store/conversations.js';
import type { NewMessage } from '../../src/store/messages.js';
import type { Db } from '../../src/store/open-sqlite.js';
import { addTeamMember, insertTeam, insertUser } from '../../src/store/users.js';
import { insertVisitor } from '../../src/store/visitors.js';
import { insertWidget } from '../../src/store/widgets.js';

export const PASSWORD = 'correct horse battery';
export const SHOP_ORIGIN = 'https://shop.example';

export interface Person {
  id: string;
  email: string;
  name: string;
}

export interface Fixture {
  teamA: string;
  teamB: string;
  admin: Person;
  alice: Person;
  andy: Person;
  bella: Person;
  /** Routes to team A; allows SHOP_ORIGIN. */
  widget: { id: string; secret: string };
  /** Routes to team B; accepts signed identities only. */
  strictWidget: { id: string; secret: string };
}

/**
 * Team A: alice and andy (agents). Team B: bella (agent). An admin in no team.
 * Written through the real store functions into the server's real database.
 */
export async function seedFixture(db: Db): Promise<Fixture> {
  const hash = await hashPassword(PASSWORD, 1024);
  const teamA = randomUUID();
  const teamB = randomUUID();
  await insertTeam(db, { id: teamA, name: 'Team A' });
  await insertTeam(db, { id: teamB, name: 'Team B' });
  const person = async (name: string, role: 'agent' | 'admin', team?: string): Promise<Person> => {
    const p = { id: randomUUID(), email: `${name.toLowerCase()}@example.test`, name };
    await insertUser(db, { ...p, role, passwordHash: hash });
    if (team) await addTeamMember(db, team, p.id);
    return p;
  };
  const admin = await person('Admin', 'admin');
  const alice = await person('Alice', 'agent', teamA);
  const andy = await person('Andy', 'agent', teamA);
  const bella = await person('Bella', 'agent', teamB);
  const widget = { id: randomUUID(), secret: 'widget-secret-a-0123456789abcdef' };
  await insertWidget(db, {
    id: widget.id,
    name: 'Shop',
    secret: widget.secret,
    allowedOrigins: [SHOP_ORIGIN],
    identityMode: 'optional',
    teamId: teamA,
  });
  const strictWidget = { id: randomUUID(), secret: 'widget-secret-b-0123456789abcdef' };
  await insertWidget(db, {
    id: strictWidget.id,
    name: 'Portal',
    secret: strictWidget.secret,
    allowedOrigins: [SHOP_ORIGIN],
    identityMode: 'enforce',
    teamId: teamB,
  });
  return { teamA, teamB, admin, alice, andy, bella, widget, strictWidget };
}

/** A new visitor of the fixture's widget (unnamed unless named), a chat queued for team A. */
export async function insertQueuedConversation(
  db: Db,
  fixture: Fixture,
  visitorName: string | null = null,
): Promise<string> {
  const visitorId = randomUUID();
  await insertVisitor(db, {
    id: visitorId,
    widgetId: fixture.widget.id,
    externalId: null,
    name: visitorName,
    email: null,
    verified: false,
  });
  const id = randomUUID();
  await insertConversation(db, {
    id,
    visitorId,
    widgetId: fixture.widget.id,
    teamId: fixture.teamA,
    attributes: {},
    priority: 'normal',
    inBot: false,
    rule: null,
    status: 'queued',
  });
  return id;
}

/** A message from an anonymous visitor, as the store appends it. */
export function visitorMessage(conversationId: string, clientMsgId: string, body: string): NewMessage {
  return {
    conversationId,
    clientMsgId,
    senderKind: 'visitor',
    senderId: null,
    senderName: null,
    body,
    visibility: 'all',
    attachmentId: null,
  };
}

/** The fixture's admin as a signed-in principal, for services called without the transport. */
export function adminPrincipal(fixture: Fixture): StaffPrincipal {
  return {
    kind: 'staff',
    userId: fixture.admin.id,
    sessionId: 'session',
    role: 'admin',
    name: 'Admin',
    email: fixture.admin.email,
    teamIds: [],
  };
}
