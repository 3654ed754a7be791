/** The identity settings are unusable; every problem is listed at once, one per line. */
export class AuthConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid identity settings:\n- ${problems.join('\n- ')}`);
    this.name = 'AuthConfigError';
  }
}
