// The link Mesh cannot derive from the CSDL: a registration's usage events, fetched through the OData
// source (the `reports` singleton, then its userCredentialUsageDetails filtered on the user).
const { print } = require('graphql');

// Mesh's OData handler percent-decodes the whole URL it built before sending it, so a guest's
// `#EXT#` would become a fragment (and `&`, `+`, `%` would break the query): encode them once more.
const survivesDecoding = (text) => text.replace(/[#%&+]/g, (c) => encodeURIComponent(c));
const odataString = (value) => survivesDecoding(`'${String(value).replaceAll("'", "''")}'`);
const literal = (options) => `{ ${Object.entries(options).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')} }`;

module.exports = {
  resolvers: {
    GraphCredentialUserRegistrationDetails: {
      usageEvents: {
        selectionSet: '{ userPrincipalName }',
        resolve(root, args, context, info) {
          const own = `userPrincipalName eq ${odataString(root.userPrincipalName)}`;
          const given = args.queryOptions && args.queryOptions.filter;
          const queryOptions = { ...args.queryOptions, filter: given ? `${own} and (${given})` : own };
          return context.Graph.Query.reports({
            root,
            args: {},
            context,
            info,
            selectionSet: (subtree) => `{ userCredentialUsageDetails(queryOptions: ${literal(queryOptions)}) ${print(subtree)} }`,
            valuesFromResults: (reports) => (reports ? reports.userCredentialUsageDetails : null),
          });
        },
      },
    },
  },
};
