import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import Fastify from 'fastify';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { fromNodeHeaders } from 'better-auth/node';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from './db/connection.ts';
import { authHook } from './http/auth-hook.ts';
import { forgetRecentSessions } from './http/session-fast-path.ts';
import { authCall } from './features/auth/auth-calls.ts';
import { registerTurnLinger } from './http/turn-linger.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { errorHandler } from './http/error-handler.ts';
import { webAppRoutes, type HomeRenderer } from './http/web-app.ts';
import type { RoutePolicy } from './http/policy.ts';
import type { App, AppDeps } from './http/types.ts';
import { organisationRoutes } from './features/organisations/organisation.routes.ts';
import { peopleRoutes } from './features/people/person.routes.ts';
import { oneOnOneRoutes } from './features/one-on-ones/meeting.routes.ts';
import { liveRoutes } from './features/one-on-ones/live.ts';
import { calendarRoutes } from './features/notifications/calendar.routes.ts';
import { delegationRoutes } from './features/delegation/delegation.routes.ts';
import { okrRoutes } from './features/okr/okr.routes.ts';
import { clarityRoutes } from './features/clarity/clarity.routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDistDir = path.resolve(here, '../../dist/web');

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

/** buildApp wires plugins and each feature's routes, nothing else. `webDir`: dist/web unless a test gives its own. */
export async function buildApp(
  deps: AppDeps,
  opts: { logger?: boolean | object; webDir?: string; homeRenderer?: () => Promise<HomeRenderer> } = {},
) {
  const { config, database, auth } = deps;
  const app = Fastify({
    logger: opts.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    bodyLimit: 6 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>() as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('actor', null);

  // Every route is recorded with its declared policy: the route-policy and authorization-matrix tests read this list.
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods)
      if (m !== 'HEAD') routes.push({ method: m, url: r.url, policy: r.config?.policy });
  });
  app.decorate('registeredRoutes', routes);

  registerTurnLinger(app);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'", ...(config.oidc ? [config.oidc.issuer] : [])],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.publicUrl.startsWith('https:'),
  });
  // JSON only (a large directory or org chart shrinks ~10×); never event streams, which must flow unbuffered.
  await app.register(compress, {
    global: true,
    threshold: 2048,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    customTypes: /^application\/json/,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Relais API',
        version: '0.1.0',
        description: 'Every screen of Relais works through this API.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'relais.session_token' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: false },
  });

  app.addHook('onRequest', authHook(database.db, auth, config.secret));

  app.get('/healthz', {
    config: { policy: 'public' },
    schema: { hide: true, response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } },
    handler: async () => {
      await ping(database.db);
      return { status: 'ok' as const, database: database.dialect };
    },
  });

  // better-auth answers everything under /api/auth (sign-in, sign-out, reset, 2FA, SSO callbacks).
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { policy: 'public' },
    schema: { hide: true },
    handler: async (req, reply) => {
      const url = new URL(req.url, config.publicUrl);
      const hasBody = req.method !== 'GET' && req.body !== undefined && req.body !== null;
      const headers = fromNodeHeaders(req.headers);
      // better-auth's rate limits key on x-forwarded-for: give it the address Fastify resolved (TRUST_PROXY decides).
      headers.set('x-forwarded-for', req.ip);
      const { response, body } = await authCall(async () => {
        const answer = await auth.handler(
          new Request(url, {
            method: req.method,
            headers,
            body: hasBody ? JSON.stringify(req.body) : undefined,
          }),
        );
        return { response: answer, body: answer.body ? await answer.text() : null };
      });
      // Sign-out, revocations, password or two-factor changes: no session may be served from memory.
      if (req.method === 'POST') forgetRecentSessions();
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      return reply.send(body);
    },
  });

  peopleRoutes(app, deps);
  organisationRoutes(app, deps);
  oneOnOneRoutes(app, deps);
  liveRoutes(app, deps);
  calendarRoutes(app, deps);
  delegationRoutes(app, deps);
  okrRoutes(app, deps);
  clarityRoutes(app, deps);

  // The web app: hashed assets under /assets/, index.html for every client-side route, the pre-rendered sign-in page.
  await webAppRoutes(app, {
    webDir: opts.webDir ?? webDistDir,
    sso: config.oidc !== null,
    db: database.db,
    homeRenderer: opts.homeRenderer,
  });

  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

export type { ZodTypeProvider };
