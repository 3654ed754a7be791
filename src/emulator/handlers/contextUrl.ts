import type { HandlerContext } from './HandlerContext';

/** `@odata.context` for a fragment, on this server's root and the request's version. */
export function contextUrl(context: HandlerContext, fragment: string): string {
  return `${context.unit.baseUrl}/${context.version}/$metadata#${fragment}`;
}
