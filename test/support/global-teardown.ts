import { rmSync } from 'node:fs';

/** Stops the embedded server, then removes the run's folder (see global-setup), even when a spec failed. */
export default async function globalTeardown(): Promise<void> {
  try {
    await globalThis.__WMO_TEST_SERVER__?.stop();
  } finally {
    const runDir = process.env.WMO_TEST_RUN_DIR;
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  }
}
