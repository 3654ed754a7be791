// Mesh's fetch for the bench. Mesh's generated `reports` field GETs the `reports` singleton
// (`/beta/reports?$select=id`) before any of its collections, and again for every link resolved
// through it. The singleton carries no data (the CSDL gives reportRoot only navigations and functions)
// and the emulator answers that GET with 400, so this answers it here; every other request goes out
// unchanged. It also spares Mesh one upstream call per use, in Mesh's favour.
const { fetch, Response } = require('@whatwg-node/fetch');

const SINGLETON = /\/beta\/reports\/?(\?|$)/;

module.exports = function singletonFetch(url, options, ...rest) {
  const method = ((options && options.method) || 'GET').toUpperCase();
  if (method === 'GET' && SINGLETON.test(String(url))) {
    return Promise.resolve(new Response(JSON.stringify({ id: 'reports' }), { status: 200, headers: { 'content-type': 'application/json' } }));
  }
  return fetch(url, options, ...rest);
};
