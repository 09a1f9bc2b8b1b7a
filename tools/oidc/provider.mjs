// A certified OpenID Connect provider (oidc-provider) on the loopback address for the coach sign-in browser tests.
// It plays the organisation's identity provider: one client (CoachBot), two accounts with passwords, one of them with
// the coach app role and group, ID tokens that carry oid, name, preferred_username, roles and groups as Entra's do.
//
//   node provider.mjs --port 41234 --app http://127.0.0.1:5000 [--host localhost] [--client-id coachbot] [--client-secret S]
//
// Prints "ready <issuer>" once it listens, then one JSON line per provider event (sign-in, token, end session, error).
// Listens on 127.0.0.1 only. Stops on SIGTERM or when its standard input closes.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    app: { type: 'string' },
    host: { type: 'string', default: 'localhost' },
    'client-id': { type: 'string', default: 'coachbot' },
    'client-secret': { type: 'string', default: 'coachbot-test-client-secret' },
  },
});
if (!args.port || !args.app) {
  console.error('usage: node provider.mjs --port PORT --app APP_BASE_URL [--host localhost] [--client-id ID] [--client-secret SECRET]');
  process.exit(2);
}

// The two accounts: the coach has the app role and the coaches' group; the other has neither.
const users = {
  jo: {
    password: 'jo-coach-password-1',
    claims: {
      oid: '6f1c1b9e-3c55-4c0e-9d1e-0a1b2c3d4e5f',
      name: 'Jo Coach',
      preferred_username: 'jo@clinic.example',
      roles: ['CoachBot.Coach'],
      groups: ['0b7d6a52-7d0e-4f55-8a7c-2f1e9c3b4a10'],
    },
  },
  sam: {
    password: 'sam-visitor-password-1',
    claims: {
      oid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      name: 'Sam Visitor',
      preferred_username: 'sam@clinic.example',
      roles: ['Reception'],
      groups: ['5c4b3a29-1807-4f6e-9d5c-4b3a29180716'],
    },
  },
};

const issuer = `http://${args.host}:${args.port}`;
const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>`
  + `<body><main><h1>${title}</h1>${body}</main></body></html>`;
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const log = (event, fields = {}) => console.log(JSON.stringify({ event, ...fields }));

const provider = new Provider(issuer, {
  clients: [{
    client_id: args['client-id'],
    client_secret: args['client-secret'],
    client_name: 'CoachBot',
    redirect_uris: [`${args.app}/coach/signin-oidc`],
    post_logout_redirect_uris: [`${args.app}/coach/signout-callback-oidc`],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  // Entra puts these claims in the ID token itself.
  claims: {
    openid: ['sub', 'oid', 'roles', 'groups'],
    profile: ['name', 'preferred_username'],
  },
  conformIdTokenClaims: false,
  // Every client must send a PKCE challenge (S256), so a sign-in without PKCE fails.
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    // Entra has no pushed authorization requests; the client should use the plain authorization endpoint as there.
    pushedAuthorizationRequests: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page('Sign out', `${form}<p>Do you want to sign out of your organisation account?</p>`
          + '<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button> '
          + '<button type="submit" form="op.logoutForm">No, stay signed in</button>');
      },
      postLogoutSuccessSource: async (ctx) => { ctx.body = page('Signed out', '<p>You are signed out.</p>'); },
    },
  },
  // The client is the organisation's own app: no consent screen, as with admin consent in Entra.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    await grant.save();
    return grant;
  },
  findAccount: async (ctx, id) => (users[id] ? { accountId: id, claims: async () => ({ sub: id, ...users[id].claims }) } : undefined),
  renderError: async (ctx, out) => { ctx.type = 'html'; ctx.body = page('Sign-in error', `<pre>${escape(JSON.stringify(out))}</pre>`); },
});

for (const event of ['authorization.error', 'grant.error', 'server_error', 'end_session.error']) {
  provider.on(event, (ctx, error) => log(event, { error: error?.message, detail: error?.error_description }));
}
provider.on('grant.success', (ctx) => log('grant.success', { client: ctx.oidc.client?.clientId, pkce: Boolean(ctx.oidc.entities.AuthorizationCode?.codeChallenge) }));
provider.on('authorization_code.consumed', (code) => log('authorization_code.consumed', { account: code.accountId, pkce: code.codeChallengeMethod ?? null }));
provider.on('end_session.success', (ctx) => log('end_session.success', { account: ctx.oidc.session?.accountId ?? null }));

// The login page of the interactions: username and password of one of the two accounts.
const loginForm = (uid, error, username = '') => page('Sign in to your organisation',
  (error ? `<p role="alert">${escape(error)}</p>` : '')
  + `<form method="post" action="/interaction/${escape(uid)}/login">`
  + `<p><label>Username <input name="username" autocomplete="username" value="${escape(username)}" required></label></p>`
  + '<p><label>Password <input type="password" name="password" autocomplete="current-password" required></label></p>'
  + '<p><button type="submit">Sign in</button></p></form>');

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function interaction(req, res, url) {
  const [, , uid, action] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || details.prompt.name !== 'login') {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`unexpected interaction ${details.prompt.name}`);
    return;
  }

  if (req.method === 'GET' && !action) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(loginForm(uid));
    return;
  }

  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const username = form.get('username') ?? '';
    const user = Object.hasOwn(users, username) ? users[username] : undefined;
    if (!user || form.get('password') !== user.password) {
      log('login.failed', { username });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(loginForm(uid, 'Wrong username or password.', username));
      return;
    }

    log('login.success', { account: username });
    await provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
    return;
  }

  res.writeHead(405).end();
}

const callback = provider.callback();
const server = createServer((req, res) => {
  const url = new URL(req.url, issuer);
  if (url.pathname.startsWith('/interaction/')) {
    interaction(req, res, url).catch((error) => {
      log('interaction.error', { error: error.message });
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(error.message);
    });
    return;
  }

  callback(req, res);
});

server.listen(Number(args.port), '127.0.0.1', () => console.log(`ready ${issuer}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
