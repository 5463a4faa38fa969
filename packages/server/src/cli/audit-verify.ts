import { resolve } from 'node:path';
import { createDb } from '@returntrace/db';
import { verifyAuditChain } from '../audit/audit';

// `npm run audit:verify`: walks the audit hash chain of the configured database (DATABASE_URL or ./data).
const databaseUrl = process.env.DATABASE_URL || undefined;
const handle = await createDb({ databaseUrl, dataDir: databaseUrl ? undefined : resolve(process.env.DATA_DIR ?? 'data'), migrate: false, appRole: '' });
try {
  const report = await verifyAuditChain(handle.db);
  if (report.ok) {
    console.log(`audit chain OK: ${report.checked} rows verified / 审计链校验通过：共 ${report.checked} 行`);
  } else {
    console.error(`audit chain BROKEN at row ${report.firstBrokenId}: ${report.reason}`);
    console.error(`审计链在第 ${report.firstBrokenId} 行断裂：${report.reasonZh}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
