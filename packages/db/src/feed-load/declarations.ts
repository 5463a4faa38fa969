import type { CustomsDeclaration } from '@returntrace/domain';
import type { DbOrTx } from '../client';
import { createStage, insertStageRows, lockFeed, mergeStage, stageTuple, type MergeCounts, type StageValue } from './stage';

/**
 * Upserts validated declarations inside the caller's transaction (so that the caller's audit row commits with
 * them): stage by multi-row INSERT, then the same merge as the bulk loader. Lines of each declaration are replaced.
 */
export async function upsertDeclarations(tx: DbOrTx, decls: readonly CustomsDeclaration[], now: Date): Promise<MergeCounts> {
  await lockFeed(tx);
  await createStage(tx);
  const tuples: StageValue[][] = [];
  let row = 0;
  for (const d of decls) {
    for (const l of d.lines) tuples.push(stageTuple(++row, d, l));
  }
  await insertStageRows(tx, tuples);
  return mergeStage(tx, now);
}
