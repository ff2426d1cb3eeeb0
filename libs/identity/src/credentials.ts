import { createHash, randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/** API keys are recognisable (and scannable in leaked code) by their prefix. */
export const API_KEY_PREFIX = 'wmo_';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newOpaqueToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * argon2id with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane), as a PHC string.
 * hash-wasm (WebAssembly) rather than the native `argon2` package: its prebuilt binary crashed
 * (SIGSEGV) on a clean install on this project's build machine.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    parallelism: 1,
    iterations: 2,
    memorySize: 19_456,
    hashLength: 32,
    outputType: 'encoded',
  });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2Verify({ password, hash }).catch(() => false);
}

/** Computed once: verifying against it costs as much as a real check, so an unknown e-mail takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
