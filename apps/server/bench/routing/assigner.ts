import type { Db } from '../../src/store/open-sqlite.js';
import type { Population } from './seed.js';

export type AssignerName = 'engine' | 'naive';

/** Told synchronously, inside the assigner, right after an assignment is written to the store. */
export type OnAssigned = (conversationId: string, userId: string) => void;

/** What the drain drives: the real routing engine or the plain baseline dispatcher. */
export interface Assigner {
  readonly name: AssignerName;
  /** Not measured: state loaded, every agent connected and online, every team still closed. */
  prepare(): Promise<void>;
  /** The teams open over the backlog: the first fill. */
  open(): Promise<void>;
  /** The conversation was resolved in the store; its agent has room again. */
  resolved(conversationId: string, userId: string): Promise<void>;
  /** The server's periodic pass. */
  tick(): Promise<void>;
  /** Position updates the assigner pushed to waiting visitors (0 where it pushes none). */
  positionUpdates(): number;
}

export type AssignerFactory = (db: Db, population: Population, onAssigned: OnAssigned) => Assigner;
