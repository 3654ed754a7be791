/** The three ways a contender is asked: the gateway's GraphQL schema, Mesh's generated schema, REST routes. */
export type Api = 'gateway' | 'mesh' | 'rest';
