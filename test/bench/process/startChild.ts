import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { BenchChild } from './BenchChild';
import type { ChildMessage } from './ChildMessage';
import { childEnv } from './childEnv';

const REPO_ROOT = resolve(__dirname, '../../..');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Runs a TypeScript child script (one that calls childMain) under plain `node --import tsx`, so the
 * child's pid is the server itself and its /proc figures are the server's own.
 */
export async function startChild(script: string, env: Readonly<Record<string, string | null>>): Promise<BenchChild> {
  const child = fork(resolve(__dirname, '..', script), [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    env: childEnv(env),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let exited = false;
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} was not ready within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolveUrl(message.url);
      } else if (message.type === 'answer') {
        const entry = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error !== undefined) entry?.reject(new Error(message.error));
        else entry?.resolve(message.result);
      }
    });
    child.once('exit', (code, signal) => {
      exited = true;
      clearTimeout(timer);
      const error = new Error(`${script} exited (code ${code}, signal ${signal})`);
      reject(error);
      for (const entry of waiting.values()) entry.reject(error);
      waiting.clear();
    });
  });
  let seq = 0;
  return {
    url,
    pid: child.pid ?? -1,
    call<T>(name: string, payload?: unknown): Promise<T> {
      const id = ++seq;
      return new Promise<T>((resolveCall, reject) => {
        waiting.set(id, { resolve: (value) => resolveCall(value as T), reject });
        child.send({ type: 'call', id, name, payload } satisfies ChildMessage);
      });
    },
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((done) => child.once('exit', () => done()));
      child.send({ type: 'call', id: ++seq, name: 'stop' } satisfies ChildMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await gone;
      clearTimeout(timer);
    },
  };
}
