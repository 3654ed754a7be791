import { randomUUID } from 'node:crypto';

/** What a careful client sends Graph on every call: JSON, the newer enum members, a fresh request id. */
export function graphHeaders(): Record<string, string> {
  return { accept: 'application/json', prefer: 'include-unknown-enum-members', 'client-request-id': randomUUID() };
}
