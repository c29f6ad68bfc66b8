import http from 'node:http';
import type net from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';

/** The few parts of oidc-provider (shipped without types) these tests use. */
interface OidcGrant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface OidcProvider {
  callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
  interactionDetails(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<{ uid: string; prompt: { name: string }; params: Record<string, string> }>;
  interactionFinished(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    result: object,
    opts?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (props: { accountId: string; clientId: string }) => OidcGrant;
}
type ProviderClass = new (issuer: string, configuration: object) => OidcProvider;

export interface ProviderAccount {
  sub: string;
  email: string;
  name: string;
  emailVerified?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds (or replaces) an account at the provider. */
  addAccount(account: ProviderAccount): void;
  /** The account the next login interaction signs in, as if that user typed their password at the provider. */
  loginNextAs(sub: string): void;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on a free loopback port, with one confidential client.
 * Its login page is replaced by `/interaction/:uid`, which signs in the preset account and grants the scopes asked.
 */
export async function startOidcProvider(opts: { redirectUri: string }): Promise<TestOidcProvider> {
  const specifier = 'oidc-provider';
  const { default: Provider } = (await import(specifier)) as { default: ProviderClass };
  const clientId = 'relais-test';
  const clientSecret = `secret-${crypto.randomUUID()}`;
  const accounts = new Map<string, ProviderAccount>();
  let nextLogin: string | null = null;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-key' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [`cookie-key-${crypto.randomUUID()}`] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
          };
        },
      };
    },
  });
  const handle = provider.callback();

  server.on('request', (req, res) => {
    const interaction = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
    if (!interaction) return handle(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (!nextLogin || !accounts.has(nextLogin)) throw new Error('no account chosen for this login');
        const grant = new provider.Grant({ accountId: nextLogin, clientId: details.params.client_id! });
        grant.addOIDCScope(details.params.scope ?? 'openid');
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: nextLogin }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (e) {
        res.statusCode = 500;
        res.end((e as Error).message);
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (account) => accounts.set(account.sub, account),
    loginNextAs: (sub) => {
      nextLogin = sub;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `fetch` with a cookie jar and no automatic redirects: the test walks each hop itself. */
export class BrowserAtProvider {
  private cookies = new Map<string, string>();

  async get(url: string): Promise<{ status: number; location: string | null; body: string }> {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const location = res.headers.get('location');
    return {
      status: res.status,
      location: location ? new URL(location, url).href : null,
      body: await res.text(),
    };
  }

  /** Follows redirects while they stay on the given origin; returns the first one that leaves it. */
  async followWithin(origin: string, url: string): Promise<string> {
    let current = url;
    for (let hop = 0; hop < 10; hop++) {
      if (new URL(current).origin !== origin) return current;
      const res = await this.get(current);
      if (!res.location)
        throw new Error(`${current} answered ${res.status} without a redirect: ${res.body.slice(0, 300)}`);
      current = res.location;
    }
    throw new Error('too many redirects at the provider');
  }
}
