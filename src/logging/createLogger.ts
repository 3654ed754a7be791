import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Redaction is a second line of defence: nothing upstream (bodies, tokens,
 * URLs with query values) is passed to the logger in the first place.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'graph-reports-gateway' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token', 'accessToken'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
