const CODES: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'Authorization_RequestDenied',
  404: 'Request_ResourceNotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** The Graph error code Graph typically answers with a status. */
export function defaultErrorCode(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequest');
}
