import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorBody, okBody, pageQuery } from '../../../../core/api/common.schemas.ts';
import {
  auditPage,
  meResponse,
  orgResponse,
  outboxPage,
  setupBody,
  setupStatus,
  updateOrgBody,
} from '../../../../core/api/org.schemas.ts';
import { acceptInvitationBody, invitationInfo } from '../../../../core/api/people.schemas.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { sendJsonBytes } from '../../http/json-bytes.ts';
import { authorize } from '../../http/policy.ts';
import type { App, AppDeps } from '../../http/types.ts';
import type { Auth } from '../auth/auth.ts';
import { authCall } from '../auth/auth-calls.ts';
import { listAudit } from '../audit/audit.repository.ts';
import { listOutbox } from '../mail/mail.service.ts';
import { fullName } from '../people/person.presenter.ts';
import { acceptInvitation, describeInvitation } from '../people/invitation.service.ts';
import {
  getMeBytes,
  getOrganisation,
  needsSetup,
  setupFirstOrganisation,
  updateOrganisation,
} from './organisation.service.ts';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
};
const tokenParam = z.object({ token: z.string().min(10).max(200) });

/** Signs the person in right after onboarding or an accepted invitation, forwarding better-auth's cookies. */
async function signIn(auth: Auth, reply: FastifyReply, email: string, password: string) {
  const { headers } = await authCall(() =>
    auth.api.signInEmail({ body: { email, password }, returnHeaders: true }),
  );
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
}

export function organisationRoutes(app: App, { database, auth, config }: AppDeps) {
  const db = database.db;

  app.get('/api/setup', {
    config: { policy: 'public' },
    schema: {
      tags: ['setup'],
      summary: 'Whether this install still needs its first organisation; whether SSO is on',
      response: { 200: setupStatus },
    },
    handler: async () => ({ needsSetup: await needsSetup(db), sso: config.oidc !== null }),
  });

  app.post('/api/setup', {
    config: { policy: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['setup'],
      summary: 'Create the organisation and its first admin (fresh install only)',
      body: setupBody,
      response: { 201: okBody, ...errors },
    },
    handler: async (req, reply) => {
      await setupFirstOrganisation(db, auth, req.body);
      await signIn(auth, reply, req.body.email, req.body.password);
      return reply.status(201).send({ ok: true as const });
    },
  });

  app.get('/api/invitations/:token', {
    config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['setup'],
      summary: 'Who an invitation link is for',
      params: tokenParam,
      response: { 200: invitationInfo, ...errors },
    },
    handler: (req) => describeInvitation(db, req.params.token),
  });

  app.post('/api/invitations/:token/accept', {
    config: { policy: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['setup'],
      summary: 'Set a password from an invitation and sign in',
      params: tokenParam,
      body: acceptInvitationBody,
      response: { 200: okBody, ...errors },
    },
    handler: async (req, reply) => {
      const { email } = await acceptInvitation(db, auth, req.params.token, req.body.password);
      await signIn(auth, reply, email, req.body.password);
      return { ok: true as const };
    },
  });

  app.get('/api/me', {
    config: { policy: 'authenticated' },
    schema: {
      tags: ['me'],
      summary: 'The signed-in person, their organisation and account security',
      response: { 200: meResponse, ...errors },
    },
    // Sent as JSON bytes of the same shape (validated once when built, see getMeBytes).
    handler: async (req, reply) => sendJsonBytes(reply, await getMeBytes(db, actorOf(req))),
  });

  app.get('/api/organisation', {
    config: { policy: 'organisation.read' },
    schema: {
      tags: ['organisation'],
      summary: 'Organisation settings',
      response: { 200: orgResponse, ...errors },
    },
    handler: (req) => getOrganisation(db, actorOf(req)),
  });

  app.patch('/api/organisation', {
    config: { policy: 'organisation.update' },
    schema: {
      tags: ['organisation'],
      summary: 'Change organisation settings (admin)',
      body: updateOrgBody,
      response: { 200: orgResponse, ...errors },
    },
    handler: (req) => updateOrganisation(db, actorOf(req), req.body),
  });

  app.get('/api/outbox', {
    config: { policy: 'outbox.read' },
    schema: {
      tags: ['admin'],
      summary: 'Mails sent by Relais for this organisation (bodies kept only without SMTP)',
      querystring: pageQuery,
      response: { 200: outboxPage, ...errors },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'outbox.read', { orgId: actor.orgId });
      const { rows, total } = await listOutbox(db, actor.orgId, req.query.limit, req.query.offset);
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          body: r.body_text,
          createdAt: r.created_at,
          sentAt: r.sent_at,
          error: r.error,
        })),
        total,
        limit: req.query.limit,
        offset: req.query.offset,
      };
    },
  });

  app.get('/api/audit', {
    config: { policy: 'audit.read' },
    schema: {
      tags: ['admin'],
      summary: 'Who read or changed sensitive records (never their content)',
      querystring: pageQuery,
      response: { 200: auditPage, ...errors },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'audit.read', { orgId: actor.orgId });
      const { rows, total } = await listAudit(db, actor.orgId, req.query.limit, req.query.offset);
      return {
        items: rows.map((r) => ({
          id: r.id,
          actor:
            r.first_name !== null && r.last_name !== null
              ? fullName({ first_name: r.first_name, last_name: r.last_name })
              : null,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          createdAt: r.created_at,
        })),
        total,
        limit: req.query.limit,
        offset: req.query.offset,
      };
    },
  });
}
