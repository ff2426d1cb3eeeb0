export default async function globalTeardown(): Promise<void> {
  await globalThis.__WMO_TEST_SERVER__?.stop();
}
