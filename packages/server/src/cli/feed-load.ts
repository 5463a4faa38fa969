import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '@returntrace/db';
import { loadFeedFile } from '@returntrace/db/feed-load';
import { appendAudit, type AuditEntry } from '../audit/audit';

// `npm run feed:load -- <file.csv> [--database-url postgres://…] [--data-dir ./data]`: loads a flat customs
// declaration CSV (the upload template's columns) in one transaction — COPY on PostgreSQL, batched inserts on PGlite —
// upserting by entry id. A bad row refuses the whole file; the errors name row and column.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'database-url': { type: 'string' }, 'data-dir': { type: 'string' }, 'max-errors': { type: 'string' } },
});
const file = positionals[0];
if (!file || !existsSync(file) || !statSync(file).isFile()) {
  console.error('usage: npm run feed:load -- <file.csv> [--database-url postgres://…] [--data-dir ./data]');
  console.error('用法：npm run feed:load -- <文件.csv> [--database-url postgres://…] [--data-dir ./data]');
  process.exit(2);
}
const databaseUrl = values['database-url'] || process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl ? undefined : resolve(values['data-dir'] ?? process.env.DATA_DIR ?? 'data');
const handle = await createDb({ databaseUrl, dataDir });
const entry = (result: AuditEntry['result'], objectId: string, detail: Record<string, unknown>): AuditEntry => ({
  at: new Date(), userId: null, username: 'feed-load', orgId: null, orgPath: '', action: 'customs_feed.load',
  objectType: 'customs_feed_load', objectId, result, clientIp: '', detail,
});
const t0 = Date.now();
try {
  const fileName = basename(file);
  const r = await loadFeedFile(handle, resolve(file), {
    fileName,
    maxErrors: values['max-errors'] ? Number(values['max-errors']) : undefined,
    beforeCommit: (tx, s) => appendAudit(tx, entry('success', String(s.loadId), { channel: 'bulk', fileName, ...s })),
    onPhase: (phase, ms) => console.log(`  ${phase}: ${(ms / 1000).toFixed(1)} s`),
  });
  const seconds = (Date.now() - t0) / 1000;
  if (r.ok) {
    console.log(`loaded ${r.rows} rows (${r.declarations} declarations: ${r.inserted} new, ${r.updated} updated; ${r.lines} lines) ` +
      `in ${seconds.toFixed(1)} s, ${Math.round(r.rows / seconds)} rows/s, by ${r.method === 'copy' ? 'COPY' : 'batched INSERT'}; load #${r.loadId}`);
    console.log(`已装载 ${r.rows} 行（报关单 ${r.declarations} 份：新增 ${r.inserted}，更新 ${r.updated}；商品 ${r.lines} 项）`);
  } else {
    await handle.db.transaction((tx) => appendAudit(tx, entry('failure', '', { channel: 'bulk', fileName, rows: r.rows, errors: r.errors.length + r.truncated, firstError: r.errors[0] ?? null })));
    console.error(`file refused, nothing loaded: ${r.errors.length + r.truncated} error(s) / 文件未装载：${r.errors.length + r.truncated} 处错误`);
    for (const e of r.errors.slice(0, 50)) {
      console.error(`  row ${e.row}${e.column ? `, column ${e.column}` : ''}${e.cell ? ` (${e.cell})` : ''}: ${e.message} / ${e.messageZh}`);
    }
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
