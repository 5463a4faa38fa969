import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startE2EServer, type E2EServer } from './server';

export interface E2ESuite {
  server: E2EServer;
  browser: Browser;
}

/** One server (fresh demo database) and one browser per test file: started before its tests, closed after them. */
export function useServerAndBrowser(): E2ESuite {
  const suite = {} as E2ESuite;
  beforeAll(async () => {
    suite.server = await startE2EServer();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
