import type { ChildMessage } from './ChildMessage';

export interface ChildService {
  readonly url: string;
  /** Answers to the bench's calls, by name; `stop` is handled here. */
  readonly handlers?: Readonly<Record<string, (payload: unknown) => unknown>>;
  stop(): Promise<void>;
}

/** The child side of startChild: starts the service, reports its URL, answers calls, stops on request. */
export function childMain(start: () => Promise<ChildService>): void {
  const send = (message: ChildMessage): void => {
    process.send?.(message);
  };
  start().then(
    (service) => {
      process.on('message', (message: ChildMessage) => {
        if (message.type !== 'call') return;
        if (message.name === 'stop') {
          void service.stop().finally(() => process.exit(0));
          return;
        }
        const handler = service.handlers?.[message.name];
        try {
          if (handler === undefined) throw new Error(`no handler named ${message.name}`);
          send({ type: 'answer', id: message.id, result: handler(message.payload) });
        } catch (error) {
          send({ type: 'answer', id: message.id, error: error instanceof Error ? error.message : String(error) });
        }
      });
      // The bench going away must not leave servers behind.
      process.on('disconnect', () => void service.stop().finally(() => process.exit(0)));
      send({ type: 'ready', url: service.url });
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
