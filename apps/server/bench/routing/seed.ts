import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { insertConversation } from '../../src/store/conversations.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { type OpenedDb, openSqlite } from '../../src/store/open-sqlite.js';
import { addTeamMember, insertTeam, insertUser } from '../../src/store/users.js';
import { insertVisitor } from '../../src/store/visitors.js';
import { insertWidget } from '../../src/store/widgets.js';
import { randomInt, seededRandom, weightedIndex } from './random.js';
import type { RoutingBenchSettings } from './settings.js';

export interface SeedAgent {
  id: string;
  capacity: number;
  teamIds: string[];
}

export interface SeedConversation {
  id: string;
  teamId: string;
  priority: 'normal' | 'vip';
  /** How long the simulated agent takes over it, in virtual seconds. */
  handleSeconds: number;
}

/** What the database holds, kept in memory for the driver's own bookkeeping. */
export interface Population {
  teamIds: string[];
  agents: SeedAgent[];
  /** In arrival order: the first waited longest. */
  conversations: SeedConversation[];
}

/** Every team starts closed (a time zone and no opening hours), so agents can log in first. */
const CLOSED_HOURS = JSON.stringify({ timezone: 'UTC' });
const MIN_HANDLE_SECONDS = 30;

/**
 * Writes the population once, through the real migrations and store functions, into a template
 * database that every run copies: teams, agents with mixed capacities in one or two teams, one
 * widget, and one visitor with one queued conversation per conversation.
 */
export async function seedTemplate(file: string, settings: RoutingBenchSettings): Promise<Population> {
  const random = seededRandom(settings.seed);
  const { db, close } = openSqlite(file, 'normal');
  try {
    await migrateToLatest(db);
    const teamIds = Array.from({ length: settings.teams }, () => randomUUID());
    for (const [i, id] of teamIds.entries()) await insertTeam(db, { id, name: `Team ${i + 1}` });
    await db.updateTable('teams').set({ business_hours: CLOSED_HOURS }).execute();

    const agents: SeedAgent[] = [];
    for (let i = 0; i < settings.agents; i++) {
      const primary = i % settings.teams;
      const teams = [teamIds[primary] as string];
      if (random() < settings.secondTeamShare) {
        teams.push(teamIds[(primary + randomInt(random, 1, settings.teams - 1)) % settings.teams] as string);
      }
      const agent = {
        id: randomUUID(),
        capacity: randomInt(random, settings.minCapacity, settings.maxCapacity),
        teamIds: teams,
      };
      await insertUser(db, {
        id: agent.id,
        email: `agent-${i}@routing.bench.test`,
        name: `Agent ${i}`,
        role: 'agent',
        passwordHash: 'not used',
      });
      await db.updateTable('users').set({ capacity: agent.capacity }).where('id', '=', agent.id).execute();
      for (const teamId of teams) await addTeamMember(db, teamId, agent.id);
      agents.push(agent);
    }

    const widgetId = randomUUID();
    await insertWidget(db, {
      id: widgetId,
      name: 'Bench shop',
      secret: 'routing-bench-widget-secret-0123456789',
      allowedOrigins: ['https://shop.bench.test'],
      identityMode: 'optional',
      teamId: teamIds[0] as string,
    });

    const conversations: SeedConversation[] = [];
    for (let i = 0; i < settings.conversations; i++) {
      const visitorId = randomUUID();
      await insertVisitor(db, {
        id: visitorId,
        widgetId,
        externalId: null,
        name: null,
        email: null,
        verified: false,
      });
      const conversation: SeedConversation = {
        id: randomUUID(),
        teamId: teamIds[weightedIndex(random, settings.teamDemand)] as string,
        priority: random() < settings.vipShare ? 'vip' : 'normal',
        // Exponential, so a few chats run long, as real ones do.
        handleSeconds: MIN_HANDLE_SECONDS - settings.meanHandleSeconds * Math.log(1 - random()),
      };
      await insertConversation(db, {
        id: conversation.id,
        visitorId,
        widgetId,
        teamId: conversation.teamId,
        attributes: {},
        priority: conversation.priority,
        inBot: false,
        rule: null,
        status: 'queued',
      });
      conversations.push(conversation);
    }
    return { teamIds, agents, conversations };
  } finally {
    // The last connection closing checkpoints the WAL: the template is then one self-contained file.
    await close();
  }
}

/**
 * A fresh copy of the template for one run. Queue times are rewritten to end now, one
 * millisecond apart in arrival order, so every run starts with the same young queue (the
 * engine ages a normal conversation to VIP after `agingSeconds`, 120 by default).
 */
export function openRunCopy(template: string, file: string, population: Population): OpenedDb {
  copyFileSync(template, file);
  const opened = openSqlite(file, 'normal');
  const update = opened.sqlite.prepare('UPDATE conversations SET queued_at = ? WHERE id = ?');
  const now = Date.now();
  const total = population.conversations.length;
  opened.sqlite.transaction(() => {
    for (const [i, c] of population.conversations.entries()) {
      update.run(new Date(now - (total - i)).toISOString(), c.id);
    }
  })();
  return opened;
}
