import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultReferenceDataDir } from '@wmo/reference-data';

export const ROOT = join(defaultReferenceDataDir(), '..', '..');

export interface NodeProcess {
  child: ChildProcess;
  /** The base URL the process printed, for HTTP servers. */
  base: string;
}

/** Starts a built entry point from dist/ and resolves once its stdout matches `ready`. */
export function startNode(
  script: string,
  env: Record<string, string>,
  ready = /(?:API: +|listening )(http:\/\/[\w.:]+)/,
): Promise<NodeProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onExit = (code: number | null) => reject(new Error(`${script} exited with ${code}: ${output.slice(-2000)}`));
    child.on('exit', onExit);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        child.stdout.removeAllListeners('data');
        child.stdout.resume(); // keep draining the logs
        child.off('exit', onExit);
        resolve({ child, base: match[1] ?? '' });
      }
    });
  });
}

/** Stops a process and waits for it to exit. */
export async function stopNode(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Peak resident memory of a running process in MB (Linux: VmHWM), or null where /proc is absent. */
export function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** A small JSON client for the API, signed in as one user (again when the access token expires). */
export class ApiClient {
  private token = '';

  constructor(
    private readonly base: string,
    private readonly email: string,
    private readonly password = 'welkom-demo',
  ) {}

  private async signIn(): Promise<void> {
    const res = await fetch(`${this.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: this.email, password: this.password }),
    });
    if (!res.ok) throw new Error(`login ${this.email}: ${res.status} ${await res.text()}`);
    this.token = ((await res.json()) as { accessToken: string }).accessToken;
  }

  async accessToken(): Promise<string> {
    if (!this.token) await this.signIn();
    return this.token;
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await this.accessToken()}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status === 401 && attempt === 0) {
        await this.signIn();
        continue;
      }
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    }
  }
}
