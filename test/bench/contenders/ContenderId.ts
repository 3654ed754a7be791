/**
 * `gateway`: as configured by default (budget off, cache off, see README); `naive`: batching, dedupe
 * and cache off; `rest`: hand-written endpoints over fetch; `mesh`: GraphQL Mesh's OData source.
 */
export type ContenderId = 'gateway' | 'naive' | 'rest' | 'mesh';
