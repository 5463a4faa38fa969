/**
 * Awaits queries one after another and answers their results in order, like `Promise.all` without the overlap.
 * Drizzle queries are lazy (they run when awaited), and a transaction's single connection runs one query at a time:
 * overlapping queries on one node-postgres client only queue up, and pg deprecates doing so.
 */
export async function inSeries<T extends readonly unknown[]>(...queries: { [K in keyof T]: PromiseLike<T[K]> }): Promise<T> {
  const out: unknown[] = [];
  for (const q of queries) out.push(await q);
  return out as unknown as T;
}
