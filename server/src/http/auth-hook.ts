import type { FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { fromFlag, nowIso } from '../db/dialect.ts';
import type { Auth } from '../features/auth/auth.ts';
import { authCall } from '../features/auth/auth-calls.ts';
import {
  findPersonByEmailAnyOrg,
  findPersonByUserId,
  updatePersonRow,
} from '../features/people/person.repository.ts';
import { unauthenticated } from './errors.ts';
import type { Actor, RoutePolicy } from './policy.ts';
import { fastResolveActor } from './session-fast-path.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Resolves the session cookie to an Actor; a signed-in user not yet linked to a person is linked by e-mail (SSO). */
export async function resolveActor(db: Kysely<DB>, auth: Auth, req: FastifyRequest): Promise<Actor | null> {
  const session = await authCall(() => auth.api.getSession({ headers: fromNodeHeaders(req.headers) }));
  if (!session) return null;
  let person = await findPersonByUserId(db, session.user.id);
  if (!person) {
    const candidate = await findPersonByEmailAnyOrg(db, session.user.email);
    if (!candidate || candidate.user_id !== null) return null;
    await updatePersonRow(db, candidate.id, {
      user_id: session.user.id,
      status: 'active',
      updated_at: nowIso(),
    });
    person = { ...candidate, user_id: session.user.id, status: 'active' };
  }
  return {
    userId: session.user.id,
    personId: person.id,
    orgId: person.org_id,
    isAdmin: fromFlag(person.is_admin),
    locale: person.locale === 'en' ? 'en' : 'fr',
    twoFactorEnabled: (session.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled === true,
  };
}

export function authHook(db: Kysely<DB>, auth: Auth, secret: string) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    req.actor = null;
    const policy = req.routeOptions.config.policy;
    if (policy === undefined || policy === 'public') return;
    const fast = await fastResolveActor(db, secret, req.headers.cookie);
    req.actor = fast === 'fallback' ? await resolveActor(db, auth, req) : fast;
    if (!req.actor) throw unauthenticated();
  };
}

/** For handlers behind a non-public policy: the hook guarantees an actor. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
