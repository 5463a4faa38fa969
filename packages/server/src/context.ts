import type { Clock, OrgKind, Role } from '@returntrace/domain';
import type { Db, DbOrTx } from '@returntrace/db';

/** The authenticated caller, as use-cases and policies see it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgKind: OrgKind;
  /** materialised path of the actor's organisation, e.g. `/<gacc>/<sz>/` */
  orgPath: string;
  roles: Role[];
  sessionId: string;
}

/** What every use-case receives: the database, the caller, the clock and the client address. */
export interface Ctx {
  db: Db;
  clock: Clock;
  actor: Actor | null;
  ip: string;
}

export type { DbOrTx };
