import { describeGiven } from './describeGiven';
import { ODataCompileError } from './ODataCompileError';

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const ACCEPTED =
  'an ISO 8601 date-time with seconds and a time zone (Z or ±hh:mm), at most 7 fractional digits, ' +
  'e.g. 2024-05-01T08:30:00Z or 2024-05-01T10:30:00.123+02:00';

/**
 * Validates a date-time strictly and rewrites it in UTC as `YYYY-MM-DDTHH:mm:ss[.fff]Z`, so that one
 * instant always yields one filter text (and one cache key). The fraction keeps up to 7 digits, Graph's
 * own precision (values copied from `eventDateTime` round-trip), trailing zeros trimmed then padded
 * to milliseconds, and is dropped when zero. Offsets are whole minutes, so they never touch the fraction.
 */
export function normalizeDateTime(property: string, value: unknown): string {
  const refuse = (): never => {
    throw new ODataCompileError(property, `\`${property}\` accepts ${ACCEPTED}, but got: ${describeGiven(value)}`);
  };
  if (typeof value !== 'string') return refuse();
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return refuse();
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number, number, number, number, number, number,
  ];
  const [, , , , , , , fraction = '', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  if (year < 1 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return refuse();
  if (day < 1 || day > daysInMonth(year, month)) return refuse();
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return refuse();

  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute - offset, second, 0);
  const utcYear = instant.getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) return refuse();

  const trimmed = fraction.replace(/0+$/, '');
  const fractionText = trimmed === '' ? '' : `.${trimmed.padEnd(3, '0')}`;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `${pad(utcYear, 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}:${pad(instant.getUTCSeconds())}${fractionText}Z`
  );
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
