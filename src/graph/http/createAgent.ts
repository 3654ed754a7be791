import http from 'node:http';
import https from 'node:https';

/**
 * The process-wide keep-alive agent for the Graph root: TLS handshakes are paid once per socket, not per
 * call, and `maxSockets` bounds what the gateway can open against one upstream.
 */
export function createAgent(root: URL, maxSockets: number): http.Agent {
  const options = { keepAlive: true, maxSockets, scheduling: 'lifo' as const };
  return root.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}
