/** A contender or emulator running in its own process, so its memory and CPU are its own. */
export interface RunningServer {
  /** Where it answers, e.g. `http://127.0.0.1:40123/`. */
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}
