import { generate } from 'selfsigned';

/** A client certificate the way Entra app registrations hold one: self-signed, RSA, no SAN. */
export async function makeClientCertificate(commonName: string): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 24 * 60 * 60 * 1000),
  });
  return { key: pems.private, cert: pems.cert };
}
