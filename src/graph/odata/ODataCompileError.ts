import { GraphRefusedRequestError } from '../errors/GraphRefusedRequestError';

/**
 * The OData compiler refused a descriptor: a property, operator, value, parameter or URL outside what the
 * report's spec allows. Raised before anything is sent, so resolvers can map it to `BAD_USER_INPUT`
 * (for client descriptors) or treat it as an upstream contract failure (for a refused `@odata.nextLink`).
 */
export class ODataCompileError extends GraphRefusedRequestError {
  constructor(
    /** The property, query option (`$top`), parameter or URL (`@odata.nextLink`) that was refused. */
    readonly property: string,
    message: string,
  ) {
    super(message);
  }
}
