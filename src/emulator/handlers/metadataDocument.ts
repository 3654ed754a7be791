import { readQueryOptions } from '../http/readQueryOptions';
import { renderCsdl } from '../schema/csdl/renderCsdl';
import type { Handler } from './Handler';

/** Process-wide and bounded: at most one document per version. */
const documents = new Map<string, string>();

/** `GET /{version}/$metadata`: the CSDL XML, rendered once per version. */
export const metadataDocument: Handler = (context) => {
  readQueryOptions(context.unit, []);
  let text = documents.get(context.version);
  if (text === undefined) {
    text = renderCsdl(context.version);
    documents.set(context.version, text);
  }
  return { status: 200, headers: { 'content-type': 'application/xml' }, text };
};
