// The peer of the OIDC benchmark (issue #18): node oidc-provider configured like the portal, so that one load driver
// (bench/OidcLoad --target peer) can measure both on the same machine, against the same slapd.
//
//   node server.js            (bench/oidc-compare.sh installs the packages with npm ci and starts it)
//
// Like the portal: authorization code flow with PKCE required (S256, the only method oidc-provider 9 knows), the
// confidential client sample-lob with client_secret_post and the portal's seeded redirect URI, scopes openid profile
// email offline_access plus the portal's employee and groups, refresh tokens that rotate on every use (a reused one
// revokes the grant), RS256 id_tokens signed with an RSA-2048 key generated at start, consent granted automatically.
// The login form finds the person with a service-account search (the portal's filter: inetOrgPerson and uid, mail or
// employeeNumber equal to the login; disabled people refused on the entry read) and checks the password with a bind,
// both over StartTLS to the same slapd, trusting its CA. Storage: oidc-provider's in-memory adapter (nothing survives
// a restart, unlike the portal's database).
//
// Environment (all optional except where the defaults do not fit):
//   PEER_PORT 5320, PEER_ISSUER http://127.0.0.1:$PEER_PORT
//   PEER_LDAP_URL ldap://127.0.0.1:3389, PEER_LDAP_CA (PEM file; with it StartTLS is used), PEER_LDAP_STARTTLS 1|0
//   PEER_LDAP_BASE ou=people,dc=cityhall,dc=example
//   PEER_LDAP_SERVICE_DN cn=portal-service,ou=services,dc=cityhall,dc=example, PEER_LDAP_SERVICE_PASSWORD ServiceBind!2026
//   PEER_SEARCH_CONNECTIONS 2   bound service connections, searches multiplexed on them round robin
//   PEER_BIND_CONNECTIONS 16    connections for the people's binds, one bind at a time each, kept open (the portal's pool size)
//   PEER_REREAD_DIRECTORY 0     1: every token issued re-reads the person (a search by entryUUID), as the portal does
//   PEER_ACCESS_TOKEN opaque    jwt: access tokens are RS256-signed JWTs for the client (as the portal's are), through
//                               oidc-provider's resource indicators; opaque: its default random handle kept in memory
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

import Provider, { errors } from 'oidc-provider';
import { Client, InvalidCredentialsError, ResultCodeError, SizeLimitExceededError } from 'ldapts';

const env = (name, fallback) => process.env[name] ?? fallback;
const PORT = Number(env('PEER_PORT', '5320'));
const ISSUER = env('PEER_ISSUER', `http://127.0.0.1:${PORT}`);
const LDAP_URL = env('PEER_LDAP_URL', 'ldap://127.0.0.1:3389');
const LDAP_CA = process.env.PEER_LDAP_CA ? fs.readFileSync(process.env.PEER_LDAP_CA) : undefined;
const STARTTLS = env('PEER_LDAP_STARTTLS', LDAP_CA ? '1' : '0') === '1';
const PEOPLE_BASE = env('PEER_LDAP_BASE', 'ou=people,dc=cityhall,dc=example');
const SERVICE_DN = env('PEER_LDAP_SERVICE_DN', 'cn=portal-service,ou=services,dc=cityhall,dc=example');
const SERVICE_PASSWORD = env('PEER_LDAP_SERVICE_PASSWORD', 'ServiceBind!2026');
const SEARCH_CONNECTIONS = Number(env('PEER_SEARCH_CONNECTIONS', '2'));
const BIND_CONNECTIONS = Number(env('PEER_BIND_CONNECTIONS', '16'));
const REREAD = env('PEER_REREAD_DIRECTORY', '0') === '1';
const JWT_ACCESS_TOKENS = env('PEER_ACCESS_TOKEN', 'opaque') === 'jwt';
if (!['opaque', 'jwt'].includes(env('PEER_ACCESS_TOKEN', 'opaque'))) {
  console.error('peer: PEER_ACCESS_TOKEN must be opaque or jwt');
  process.exit(2);
}
const MAX_LOGIN_LENGTH = 256;
// The portal's Development defaults (src/Portal/appsettings*.json, Directory section and OrgGen's login attributes).
const USER_OBJECT_FILTER = '(objectClass=inetOrgPerson)';
const LOGIN_ATTRIBUTES = ['uid', 'mail', 'employeeNumber'];
const DISABLED_TYPES = new Set(['휴직', '퇴직']);
const ATTRIBUTES = ['entryUUID', 'uid', 'cn', 'displayName', 'mail', 'employeeNumber', 'ou', 'title', 'businessCategory',
  'telephoneNumber', 'memberOf', 'employeeType'];

if (STARTTLS && !LDAP_CA) {
  console.error('peer: PEER_LDAP_STARTTLS=1 needs PEER_LDAP_CA (the slapd CA, <datadir>/tls/ca.pem)');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------------
// LDAP: a few bound service connections shared by every search (ldapts multiplexes operations on one connection),
// and a pool of connections for the people's binds (a bind changes who the connection is, so one at a time each),
// kept open and re-bound like the portal's bind pool instead of a TLS handshake per sign-in.

const tlsOptions = () => ({ ca: LDAP_CA, host: new URL(LDAP_URL).hostname });

async function openConnection() {
  const client = new Client({ url: LDAP_URL, timeout: 5000, connectTimeout: 3000 });
  if (STARTTLS) {
    await client.startTLS(tlsOptions());
  }
  return client;
}

const serviceConnections = new Array(SEARCH_CONNECTIONS).fill(null);
let nextService = 0;

// ldapts reconnects by itself on the next operation after the server closed the socket, in clear and unbound (a
// StartTLS session is not replayed): a connection that lost its socket is replaced, never used again.
async function serviceConnection() {
  const slot = nextService++ % SEARCH_CONNECTIONS;
  let pending = serviceConnections[slot];
  if (pending) {
    const client = await pending.catch(() => null);
    if (!client || !client.isConnected) {
      if (serviceConnections[slot] === pending) serviceConnections[slot] = null;
      client?.unbind().catch(() => {});
      pending = serviceConnections[slot];
    }
  }
  if (!pending) {
    pending = (async () => {
      const client = await openConnection();
      await client.bind(SERVICE_DN, SERVICE_PASSWORD);
      return client;
    })();
    serviceConnections[slot] = pending;
    pending.catch(() => { if (serviceConnections[slot] === pending) serviceConnections[slot] = null; });
  }
  return { slot, pending, client: await pending };
}

// Runs a search on a service connection; a broken connection is dropped (never reused unauthenticated or in clear).
async function serviceSearch(filter) {
  const { slot, pending, client } = await serviceConnection();
  try {
    const { searchEntries } = await client.search(PEOPLE_BASE, { scope: 'sub', filter, attributes: ATTRIBUTES, sizeLimit: 2 });
    return searchEntries;
  } catch (error) {
    if (error instanceof SizeLimitExceededError) return [{}, {}]; // two or more people: ambiguous login
    // An LDAP answer leaves the connection usable; a timeout or a socket error (a restarted slapd) does not.
    if (!(error instanceof ResultCodeError) || !client.isConnected) {
      if (serviceConnections[slot] === pending) serviceConnections[slot] = null;
      client.unbind().catch(() => {});
    }
    throw error;
  }
}

const idleBinds = [];
const waitingBinds = [];
let openBinds = 0;

async function acquireBind() {
  while (idleBinds.length > 0) {
    const client = idleBinds.pop();
    if (client.isConnected) return client;
    openBinds--;
    client.unbind().catch(() => {});
  }
  if (openBinds < BIND_CONNECTIONS) {
    openBinds++;
    try {
      return await openConnection();
    } catch (error) {
      openBinds--;
      throw error;
    }
  }
  return new Promise((resolve, reject) => waitingBinds.push({ resolve, reject }));
}

function releaseBind(client, healthy) {
  if (!healthy || !client.isConnected) {
    client.unbind().catch(() => {});
    openBinds--;
    // A waiter gets a new connection rather than waiting for the next release.
    const waiter = waitingBinds.shift();
    if (waiter) acquireBind().then(waiter.resolve, waiter.reject);
    return;
  }
  const waiter = waitingBinds.shift();
  if (waiter) waiter.resolve(client); else idleBinds.push(client);
}

async function checkPassword(dn, password) {
  const client = await acquireBind();
  let healthy = true;
  try {
    await client.bind(dn, password);
    return true;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return false;
    healthy = error instanceof ResultCodeError;
    throw error;
  } finally {
    releaseBind(client, healthy);
  }
}

const escapeFilter = (value) => value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const first = (value) => (Array.isArray(value) ? value[0] : value) || undefined;
const many = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const cnOf = (dn) => /^cn=([^,]+)/i.exec(dn)?.[1];

function claimsOf(entry) {
  const username = first(entry.uid) ?? entry.dn;
  return {
    sub: first(entry.entryUUID),
    name: first(entry.displayName) ?? first(entry.cn) ?? username,
    preferred_username: username,
    email: first(entry.mail),
    department: first(entry.ou),
    title: first(entry.title),
    grade: first(entry.businessCategory),
    employee_number: first(entry.employeeNumber),
    phone_number: first(entry.telephoneNumber),
    // Direct groups by name (the portal also resolves nested groups through its group cache).
    groups: many(entry.memberOf).map(cnOf).filter(Boolean),
  };
}

const isDisabled = (entry) => many(entry.employeeType).some((t) => DISABLED_TYPES.has(t));

// The sign-in: one service search, then one bind as the person. Null for a wrong login or password.
async function authenticate(login, password) {
  const value = (login ?? '').trim();
  if (!value || value.length > MAX_LOGIN_LENGTH || !password) return null;
  const escaped = escapeFilter(value);
  const filter = `(&${USER_OBJECT_FILTER}(|${LOGIN_ATTRIBUTES.map((a) => `(${a}=${escaped})`).join('')}))`;
  const entries = await serviceSearch(filter);
  if (entries.length !== 1 || isDisabled(entries[0])) return null;
  return (await checkPassword(entries[0].dn, password)) ? claimsOf(entries[0]) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Accounts: the claims read at sign-in, kept in memory by subject (the idiomatic oidc-provider account model); with
// PEER_REREAD_DIRECTORY=1 each token re-reads the entry by entryUUID, as the portal does on every redemption.

const accounts = new Map();

async function findAccount(_ctx, sub) {
  let claims = accounts.get(sub);
  if (REREAD && /^[0-9a-f-]{36}$/i.test(sub)) {
    const entries = await serviceSearch(`(&${USER_OBJECT_FILTER}(entryUUID=${sub}))`);
    if (entries.length !== 1 || isDisabled(entries[0])) return undefined;
    claims = claimsOf(entries[0]);
    accounts.set(sub, claims);
  }
  if (!claims) return undefined;
  return { accountId: sub, claims: () => claims };
}

// ---------------------------------------------------------------------------------------------------------------
// The provider.

const SCOPES = ['openid', 'offline_access', 'profile', 'email', 'employee', 'groups'];
// With PEER_ACCESS_TOKEN=jwt every access token is issued for this resource, audience the client, as a signed JWT.
const RESOURCE = `${ISSUER}/resource/sample-lob`;
const RESOURCE_SCOPES = SCOPES.filter((s) => s !== 'openid' && s !== 'offline_access');
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: crypto.randomUUID() };

const configuration = {
  clients: [{
    client_id: 'sample-lob',
    client_secret: 'SampleLob!2026',
    redirect_uris: ['http://127.0.0.1:5002/signin-oidc'],
    post_logout_redirect_uris: ['http://127.0.0.1:5002/signout-callback-oidc'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    id_token_signed_response_alg: 'RS256',
  }],
  clientDefaults: { id_token_signed_response_alg: 'RS256' },
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  scopes: SCOPES,
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email'],
    employee: ['department', 'title', 'grade', 'employee_number', 'phone_number'],
    groups: ['groups'],
  },
  // The id_token carries the released claims (as the portal's does), not only sub with the rest at userinfo.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  findAccount,
  // Consent is granted automatically for the one first-party client: the grant covers the requested scopes.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) return existing;
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    const scopes = [...ctx.oidc.requestParamScopes].filter((s) => SCOPES.includes(s));
    grant.addOIDCScope(scopes.join(' '));
    if (JWT_ACCESS_TOKENS) grant.addResourceScope(RESOURCE, scopes.filter((s) => RESOURCE_SCOPES.includes(s)).join(' '));
    await grant.save();
    return grant;
  },
  // oidc-provider drops offline_access unless the request also says prompt=consent (OIDC Core 11); the portal issues a
  // refresh token to a client allowed the grant without it. Same here: every code of sample-lob yields one, not tied
  // to the browser session.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  expiresWithSession: async () => false,
  // Rotation on every use; a consumed token presented again revokes the grant (oidc-provider's refresh grant).
  rotateRefreshToken: () => true,
  // The portal's lifetimes (src/Identity/Oidc/OidcProviderOptions.cs, session 10 h).
  ttl: {
    AccessToken: 30 * 60,
    IdToken: 30 * 60,
    AuthorizationCode: 2 * 60,
    RefreshToken: 10 * 3600,
    Grant: 10 * 3600,
    Session: 10 * 3600,
    Interaction: 10 * 60,
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: JWT_ACCESS_TOKENS,
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== RESOURCE) throw new errors.InvalidTarget();
        return { scope: RESOURCE_SCOPES.join(' '), audience: 'sample-lob', accessTokenTTL: 30 * 60, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  renderError(ctx, out) {
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = `${out.error}: ${out.error_description ?? ''}\n`;
  },
};

const provider = new Provider(ISSUER, configuration);
provider.on('server_error', (_ctx, error) => console.error('peer: server_error', error));

// ---------------------------------------------------------------------------------------------------------------
// The interaction (login form): GET shows it, POST checks the password and finishes the login prompt.

const html = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, message) {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>로그인</title></head><body>
<main><h1>로그인</h1>${message ? `<p role="alert">${html(message)}</p>` : ''}
<form method="post" action="/interaction/${html(uid)}/login">
<input type="hidden" name="uid" value="${html(uid)}">
<label for="username">아이디</label> <input id="username" name="username" autocomplete="username" required>
<label for="password">비밀번호</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">로그인</button>
</form></main></body></html>`;
}

function send(res, status, body, type = 'text/html; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function readForm(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 16 * 1024) throw Object.assign(new Error('form too large'), { status: 413 });
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/login)?$/;

async function interaction(req, res, match) {
  const [, uid, login] = match;
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return send(res, 400, 'interaction expired or unknown\n', 'text/plain; charset=utf-8');
  }
  if (details.uid !== uid || details.prompt.name !== 'login') {
    return send(res, 400, 'unexpected interaction\n', 'text/plain; charset=utf-8');
  }
  if (!login) {
    if (req.method !== 'GET') return send(res, 405, 'method not allowed\n', 'text/plain; charset=utf-8');
    return send(res, 200, loginPage(uid));
  }
  if (req.method !== 'POST') return send(res, 405, 'method not allowed\n', 'text/plain; charset=utf-8');
  const form = await readForm(req);
  let claims;
  try {
    claims = await authenticate(form.get('username'), form.get('password'));
  } catch (error) {
    console.error('peer: directory error', error?.message ?? error);
    return send(res, 503, loginPage(uid, '디렉터리에 연결할 수 없습니다. 잠시 후 다시 시도해 주십시오.'));
  }
  if (!claims) {
    return send(res, 200, loginPage(uid, '아이디 또는 비밀번호가 맞지 않습니다.'));
  }
  accounts.set(claims.sub, claims);
  await provider.interactionFinished(req, res, { login: { accountId: claims.sub } }, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  const path = req.url.split('?', 1)[0];
  if (path === '/health') return send(res, 200, 'ok\n', 'text/plain');
  const match = INTERACTION.exec(path);
  if (match) {
    interaction(req, res, match).catch((error) => {
      console.error('peer: interaction failed', error);
      if (!res.headersSent) send(res, error.status ?? 500, 'error\n', 'text/plain; charset=utf-8');
    });
    return;
  }
  callback(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(PORT, '127.0.0.1', () => {
  console.log(`peer: oidc-provider ${ISSUER} (LDAP ${LDAP_URL}${STARTTLS ? ' with StartTLS' : ''}, ${SEARCH_CONNECTIONS} service `
    + `connections, up to ${BIND_CONNECTIONS} bind connections, directory re-read ${REREAD ? 'on' : 'off'}, `
    + `${JWT_ACCESS_TOKENS ? 'JWT' : 'opaque'} access tokens)`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => { server.close(() => process.exit(0)); server.closeAllConnections(); });
}
