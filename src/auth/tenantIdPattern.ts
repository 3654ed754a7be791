/** A tenant (directory) id: a GUID. Names like `common`, `organizations` or a domain do not match. */
export const tenantIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
