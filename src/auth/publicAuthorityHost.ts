/** The Entra authority of Azure's public cloud, `AZURE_AUTHORITY_HOST`'s default. */
export const publicAuthorityHost = 'https://login.microsoftonline.com';
