export declare const repoRoot: string;
export declare const webDist: string;
export declare function webStaleReason(): string | null;
export declare function ensureWebBuilt(opts?: { log?: (line: string) => void; force?: boolean }): boolean;
