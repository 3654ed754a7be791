import type { ContenderId } from '../contenders/ContenderId';
import type { Measurement } from '../load/Measurement';
import type { Scenario } from '../scenarios/Scenario';

/** One line of the table: a scenario against a contender, measured, or why not. */
export interface ResultRow {
  readonly scenario: Scenario;
  readonly contender: ContenderId;
  readonly outcome:
    | {
        readonly kind: 'measured';
        readonly measurement: Measurement;
        /** Outer HTTP requests the emulator received, per operation sent. */
        readonly httpPerOp: number;
        /** Requests counted against Graph's budget (plain plus inner `$batch` requests), per operation sent. */
        readonly innerPerOp: number;
        /** 429 answers (plain, envelope or inner) the contender received in the whole run. */
        readonly throttled: number;
        readonly peakRssMb: number | null;
      }
    | { readonly kind: 'skipped' | 'broken'; readonly reason: string };
}
