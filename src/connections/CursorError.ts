/**
 * - `malformed`: not in the cursor format at all (charset, length, encoding, shape);
 * - `tampered`: in the format, signed with this gateway's key id, but the signature does not match;
 * - `foreign`: genuine, but for another report, filter or order, another cursor version or another key.
 */
type CursorErrorReason = 'malformed' | 'tampered' | 'foreign';

const EXPLANATIONS: Readonly<Record<CursorErrorReason, string>> = {
  malformed: 'it is not in the cursor format',
  tampered: 'its signature does not match its content',
  foreign: 'it was issued for another report, filter or order, or by another gateway key',
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
