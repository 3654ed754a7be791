/**
 * The caller is authenticated but may not use the gateway: HTTP 403, `extensions.code` FORBIDDEN.
 * `role`: holds none of `GATEWAY_REQUIRED_ROLES`; `user_required`: an app-only token cannot be
 * exchanged on-behalf-of (`GRAPH_AUTH=obo` serves users only).
 */
export class CallerForbiddenError extends Error {
  constructor(
    readonly reason: 'role' | 'user_required',
    message: string,
  ) {
    super(message);
    this.name = 'CallerForbiddenError';
  }
}
