// A real OpenID Connect provider for the web app's jwt-mode sign-in test (oidc-provider, in its own
// process: the package is ESM only, the tests are not). Its development login accepts any username
// with any password and names the account by it (`sub`); access tokens for the API are JWTs with the
// API's audience, signed by keys published at /jwks, and live OIDC_ACCESS_TOKEN_TTL seconds (600 unless
// set); each comes with a refresh token, as a provider issues them to a public single-page client.
// Prints "ready" once it listens.
import Provider from 'oidc-provider';

const { OIDC_PORT, OIDC_CLIENT_ID, OIDC_REDIRECT_URI, OIDC_AUDIENCE, OIDC_API_SCOPE, OIDC_ACCESS_TOKEN_TTL } = process.env;
const appOrigin = new URL(OIDC_REDIRECT_URI).origin;

const provider = new Provider(`http://127.0.0.1:${OIDC_PORT}`, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      // A single-page app keeps no secret: a public client, held to PKCE.
      token_endpoint_auth_method: 'none',
      redirect_uris: [OIDC_REDIRECT_URI],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  clientBasedCORS: (_ctx, origin) => origin === appOrigin,
  pkce: { required: () => true },
  // The app renews its access token with the refresh token, no hidden iframe (oidc-provider rotates it at each use).
  issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  cookies: { keys: ['web-sign-in-test-only'] },
  scopes: ['openid', OIDC_API_SCOPE],
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // Every token the app gets is for the API, without the app naming it as a resource.
      defaultResource: () => OIDC_AUDIENCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: OIDC_API_SCOPE,
        audience: OIDC_AUDIENCE,
        accessTokenFormat: 'jwt',
        accessTokenTTL: Number(OIDC_ACCESS_TOKEN_TTL ?? 600),
      }),
    },
  },
});

provider.listen(Number(OIDC_PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
