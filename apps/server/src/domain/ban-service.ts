import { randomUUID } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { BanCreate } from '@switchboard/protocol';
import { type BanRecord, insertBan, liftBan, listActiveBans } from '../store/bans.js';
import type { Db } from '../store/open-sqlite.js';
import { DomainError } from './errors.js';
import type { StaffPrincipal } from './principal.js';

/** Visitor bans by id or IP range; every change is audited. Checks run from memory. */
export class BanService {
  #bans: BanRecord[] = [];
  #ips = new BlockList();
  #visitors = new Set<string>();

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    this.#bans = await listActiveBans(this.db);
    const ips = new BlockList();
    for (const ban of this.#bans.filter((b) => b.kind === 'ip')) {
      const [address = '', bits] = ban.value.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) ips.addAddress(address, type);
      else ips.addSubnet(address, Number(bits), type);
    }
    this.#ips = ips;
    this.#visitors = new Set(this.#bans.filter((b) => b.kind === 'visitor').map((b) => b.value));
  }

  list(): BanRecord[] {
    return this.#bans;
  }

  async create(admin: StaffPrincipal, ban: BanCreate): Promise<BanRecord> {
    const record: BanRecord = {
      id: randomUUID(),
      ...ban,
      createdBy: admin.userId,
      createdAt: new Date().toISOString(),
    };
    await insertBan(this.db, record);
    await this.load();
    return record;
  }

  async lift(admin: StaffPrincipal, banId: string): Promise<void> {
    if (!(await liftBan(this.db, banId, admin.userId))) throw new DomainError('not-found', 'No such ban.');
    await this.load();
  }

  /** Refuses a banned visitor or address with a polite message. */
  assertAllowed(who: { ip?: string | undefined; visitorId?: string | undefined }): void {
    const ip = who.ip?.replace(/^::ffff:/, '');
    const ipBanned =
      ip !== undefined && isIP(ip) !== 0 && this.#ips.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
    if (ipBanned || (who.visitorId !== undefined && this.#visitors.has(who.visitorId))) {
      throw new DomainError('banned', 'Sorry, chat is not available to you. Please contact us another way.');
    }
  }
}
