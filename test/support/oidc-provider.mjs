// A real OpenID Connect provider for the web app's jwt-mode sign-in test (oidc-provider, in its own
// process: the package is ESM only, the tests are not). Its development login accepts any username
// with any password and names the account by it (`sub`); access tokens for the API are JWTs with the
// API's audience, signed by keys published at /jwks. Prints "ready" once it listens.
import Provider from 'oidc-provider';

const { OIDC_PORT, OIDC_CLIENT_ID, OIDC_REDIRECT_URI, OIDC_AUDIENCE, OIDC_API_SCOPE } = process.env;
const appOrigin = new URL(OIDC_REDIRECT_URI).origin;

const provider = new Provider(`http://127.0.0.1:${OIDC_PORT}`, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      // A single-page app keeps no secret: a public client, held to PKCE.
      token_endpoint_auth_method: 'none',
      redirect_uris: [OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  clientBasedCORS: (_ctx, origin) => origin === appOrigin,
  pkce: { required: () => true },
  cookies: { keys: ['web-sign-in-test-only'] },
  scopes: ['openid', OIDC_API_SCOPE],
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // Every token the app gets is for the API, without the app naming it as a resource.
      defaultResource: () => OIDC_AUDIENCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: OIDC_API_SCOPE, audience: OIDC_AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 600 }),
    },
  },
});

provider.listen(Number(OIDC_PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
