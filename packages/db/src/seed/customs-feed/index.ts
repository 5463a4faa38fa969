import type { Db } from '../../client';
import { upsertDeclarations } from '../../feed-load/declarations';
import { recordLoad, type MergeCounts } from '../../feed-load/stage';
import { fixedDemoDeclarations } from './fixed';
import { generateDemoDeclarations, type FeedGeneratorOptions } from './generator';

export { DEMO_FEED_NUMBERS, fixedDemoDeclarations, type DemoFeedNumbers } from './fixed';
export {
  EntryIdAllocator, demoEnterprises, generateDemoDeclarations, iterateDemoDeclarations, prng, type FeedGeneratorOptions,
} from './generator';

/**
 * Loads the demo customs feed (the fixed declarations and a generated year) through the same staged merge as every
 * other channel, recorded as one `demo` load.
 */
export async function seedCustomsFeed(db: Db, now: Date, options: FeedGeneratorOptions = {}): Promise<MergeCounts & { loadId: number }> {
  const decls = [...fixedDemoDeclarations(), ...generateDemoDeclarations(options)];
  return db.transaction(async (tx) => {
    const counts = await upsertDeclarations(tx, decls, now);
    const loadId = await recordLoad(tx, { ...counts, channel: 'demo', fileName: '', startedAt: now, finishedAt: now, loadedBy: null });
    return { ...counts, loadId };
  });
}
