/** What the table's header states about the run, so a reader can reproduce it. */
export interface RunInfo {
  readonly date: string;
  readonly node: string;
  readonly cores: string;
  readonly settingsLine: string;
  readonly toolsLine: string;
  readonly notes: readonly string[];
}
