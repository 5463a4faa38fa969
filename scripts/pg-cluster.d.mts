export declare const PG_BIN: string;
export declare function pgBinariesPresent(): boolean;
export interface PgCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication) */
  url: string;
  port: number;
  dir: string;
  /** pg_ctl stop -m immediate, then removes the cluster directory. Idempotent. */
  stop(): Promise<void>;
}
/** Returns null when the PostgreSQL 15 binaries are missing. */
export declare function startPgCluster(opts?: { log?: (line: string) => void }): Promise<PgCluster | null>;
