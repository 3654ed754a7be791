import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_CURSOR_TTL_SECONDS } from '../config';
import { isRelativeGraphUrl } from '../graph/urls';

/** What a cursor carries, signed; clients see it only as an opaque string. */
export interface CursorPayload {
  /** `ReportSpec.name` (or a link's name): a cursor never crosses to another report. */
  readonly report: string;
  /** Hash of the canonical request identity (filter, order, parent key): a cursor never crosses filters. */
  readonly scope: string;
  /** Relative `GraphRequest.url` of the upstream page that holds the next row. */
  readonly url: string;
  /** Rows of that page already returned (Graph has no `$skip`, so the gateway trims the page itself). */
  readonly skip: number;
}

/**
 * - `malformed`: not in the cursor format at all (charset, length, encoding, shape);
 * - `tampered`: in the format, signed with this gateway's key id, but the signature does not match;
 * - `foreign`: genuine, but for another report, filter or order, another cursor version or another key;
 * - `expired`: genuine and for this field, but issued longer ago than the cursor lifetime.
 */
type CursorErrorReason = 'malformed' | 'tampered' | 'foreign' | 'expired';

const EXPLANATIONS: Readonly<Record<CursorErrorReason, string>> = {
  malformed: 'it is not in the cursor format',
  tampered: 'its signature does not match its content',
  foreign: 'it was issued for another report, filter or order, or by another gateway key',
  expired: 'it has expired',
};

/**
 * A refused `after` cursor. The default message is written for the client and never echoes the cursor
 * or anything decoded from it.
 */
export class CursorError extends Error {
  constructor(
    readonly reason: CursorErrorReason,
    message = `\`after\` is not a cursor this gateway issued for this field and arguments: ${EXPLANATIONS[reason]}`,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CursorError';
  }
}

/** Longest cursor accepted or issued, in characters; checked before any decoding work. */
const MAX_CURSOR_LENGTH = 4096;
/** HMAC-SHA256 truncated to 128 bits: forging still costs 2^128 guesses, and cursors stay short. */
const MAC_BYTES = 16;
/** HMAC keys shorter than the hash output weaken it; the key is configuration, so this is a start-up error. */
const MIN_KEY_BYTES = 32;
const KEY_ID_BYTES = 6;
const MAX_SKIP = 1000;
const MAX_NAME_LENGTH = 128;
/** 2: the payload carries `iat`, its issue time in epoch seconds (version 1 cursors are refused as foreign). */
const FORMAT_VERSION = '2';
const SHAPE = /^([0-9]{1,3})\.([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{22})$/;

/**
 * Signs and checks `after` cursors: `<FORMAT_VERSION>.<key id>.<base64url JSON payload>.<base64url HMAC>`.
 * The HMAC covers everything before the last dot. The key id (an HMAC of a fixed label, so it reveals
 * nothing about the key) lets a cursor from a rotated or other gateway key be told apart from a forged one.
 * Encoding is deterministic: one payload and issue second, one cursor. A cursor lives `ttlSeconds` after
 * it is issued (GATEWAY_CURSOR_TTL_SECONDS): the upstream page it names is not kept by Graph forever, and a
 * leaked cursor should not stay a key to a page of the report.
 */
export class CursorCodec {
  private readonly keyId: string;
  readonly ttlSeconds: number;
  private readonly now: () => number;

  constructor(
    private readonly key: Uint8Array,
    options: { readonly ttlSeconds?: number; readonly now?: () => number } = {},
  ) {
    if (!(key instanceof Uint8Array) || key.length < MIN_KEY_BYTES) {
      throw new RangeError(`the cursor key must be at least ${MIN_KEY_BYTES} bytes, but got: ${key?.length ?? 0}`);
    }
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_CURSOR_TTL_SECONDS;
    this.now = options.now ?? Date.now;
    this.keyId = this.mac('graph-reports-gateway cursor key id').subarray(0, KEY_ID_BYTES).toString('base64url');
  }

  /** Throws `TypeError` for a payload the gateway should never build: that is a bug, not bad input. */
  encode(payload: CursorPayload): string {
    if (!isValidPayload(payload)) throw new TypeError('cursor payload has a field out of range or of the wrong type');
    const iat = Math.floor(this.now() / 1000);
    const json = JSON.stringify({ report: payload.report, scope: payload.scope, url: payload.url, skip: payload.skip, iat });
    const signed = `${FORMAT_VERSION}.${this.keyId}.${Buffer.from(json, 'utf8').toString('base64url')}`;
    const cursor = `${signed}.${this.mac(signed).subarray(0, MAC_BYTES).toString('base64url')}`;
    if (cursor.length > MAX_CURSOR_LENGTH) throw new TypeError(`cursor would be ${cursor.length} characters, over ${MAX_CURSOR_LENGTH}`);
    return cursor;
  }

  /** The payload of a cursor this codec issued for `expect`, else a `CursorError`; never calls upstream. */
  decode(cursor: string, expect: { readonly report: string; readonly scope: string }): CursorPayload {
    if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH) throw new CursorError('malformed');
    const shape = SHAPE.exec(cursor);
    if (!shape) throw new CursorError('malformed');
    const [, version, keyId, body = '', signature = ''] = shape;
    const sent = canonicalBase64url(signature);
    const bytes = canonicalBase64url(body);
    if (!sent || !bytes) throw new CursorError('malformed');
    if (version !== FORMAT_VERSION || keyId !== this.keyId) throw new CursorError('foreign');
    const expected = this.mac(cursor.slice(0, cursor.lastIndexOf('.'))).subarray(0, MAC_BYTES);
    if (!timingSafeEqual(sent, expected)) throw new CursorError('tampered');

    const signed = parseJson(bytes);
    if (!isSignedPayload(signed)) throw new CursorError('malformed');
    const { iat, ...payload } = signed;
    if (payload.report !== expect.report || payload.scope !== expect.scope) throw new CursorError('foreign');
    if (Math.floor(this.now() / 1000) - iat > this.ttlSeconds) {
      throw new CursorError('expired', `\`after\` is a cursor that has expired: a cursor is valid for ${this.ttlSeconds} s after it is issued`);
    }
    return payload;
  }

  private mac(text: string): Buffer {
    return createHmac('sha256', this.key).update(text, 'utf8').digest();
  }
}

/** Node decodes base64url leniently; only the one canonical spelling of the bytes is accepted. */
function canonicalBase64url(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

function isSignedPayload(value: unknown): value is CursorPayload & { readonly iat: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { iat, ...payload } = value as Record<string, unknown>;
  return typeof iat === 'number' && Number.isSafeInteger(iat) && iat >= 0 && isValidPayload(payload);
}

function isValidPayload(value: unknown): value is CursorPayload {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort().join(',');
  const { report, scope, url, skip } = value as Record<string, unknown>;
  return (
    keys === 'report,scope,skip,url' &&
    isName(report) &&
    isName(scope) &&
    isRelativeGraphUrl(url) &&
    typeof skip === 'number' &&
    Number.isInteger(skip) &&
    skip >= 0 &&
    skip <= MAX_SKIP
  );
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_NAME_LENGTH;
}
