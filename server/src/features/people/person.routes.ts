import { errorBody, idParam } from '../../../../core/api/common.schemas.ts';
import {
  createPersonBody,
  importBody,
  importResult,
  invitationResponse,
  orgChartResponse,
  peopleListQuery,
  peoplePage,
  personDetail,
  personExport,
  teamQuery,
  teamResponse,
  updatePersonBody,
} from '../../../../core/api/people.schemas.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { sendJsonBytes } from '../../http/json-bytes.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { importPeople } from './import.service.ts';
import { invitePerson, sendInvitation } from './invitation.service.ts';
import * as people from './person.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function peopleRoutes(app: App, { database, mailer, config }: AppDeps) {
  const db = database.db;
  const inviteDeps = { db, mailer, publicUrl: config.publicUrl };
  const tags = ['people'];

  app.get('/api/people', {
    config: { policy: 'people.list' },
    schema: {
      tags,
      summary: 'Directory of the organisation, searchable and paginated',
      querystring: peopleListQuery,
      response: { 200: peoplePage, ...errors },
    },
    // Cached JSON bytes of the same shape (see listPeopleBytes).
    handler: async (req, reply) =>
      sendJsonBytes(reply, await people.listPeopleBytes(db, actorOf(req), req.query)),
  });

  app.post('/api/people', {
    config: { policy: 'people.create' },
    schema: {
      tags,
      summary: 'Add a person (admin), optionally sending an invitation',
      body: createPersonBody,
      response: { 201: personDetail, ...errors },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const id = await people.createPerson(db, actor, req.body);
      if (req.body.sendInvitation) await sendInvitation(inviteDeps, actor.personId, id);
      return reply.status(201).send(await people.getPersonDetail(db, actor, id));
    },
  });

  app.get('/api/people/org-chart', {
    config: { policy: 'people.list' },
    schema: {
      tags,
      summary: 'Every person with their manager, to draw the organisation chart',
      response: { 200: orgChartResponse, ...errors },
    },
    // Sent as the cached JSON bytes (same shape as orgChartResponse), so it is neither rebuilt nor re-validated.
    handler: async (req, reply) => sendJsonBytes(reply, await people.orgChartBytes(db, actorOf(req))),
  });

  app.post('/api/people/import', {
    config: { policy: 'people.import', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Preview (confirm=false) or apply (confirm=true) a CSV import of people',
      body: importBody,
      response: { 200: importResult, ...errors },
    },
    handler: (req) => importPeople(db, actorOf(req), req.body),
  });

  app.get('/api/people/:id', {
    config: { policy: 'person.read' },
    schema: {
      tags,
      summary: 'One person profile, with what the caller may do',
      params: idParam,
      response: { 200: personDetail, ...errors },
    },
    // Sent as JSON bytes of the same shape (validated once when built, see getPersonDetailBytes).
    handler: async (req, reply) =>
      sendJsonBytes(reply, await people.getPersonDetailBytes(db, actorOf(req), req.params.id)),
  });

  app.patch('/api/people/:id', {
    config: { policy: 'person.update' },
    schema: {
      tags,
      summary: 'Edit a profile (self or admin; manager and role: admin only)',
      params: idParam,
      body: updatePersonBody,
      response: { 200: personDetail, ...errors },
    },
    handler: (req) => people.updatePerson(db, actorOf(req), req.params.id, req.body),
  });

  app.get('/api/people/:id/team', {
    config: { policy: 'person.readTeam' },
    schema: {
      tags,
      summary: "A manager's direct reports or whole subtree",
      params: idParam,
      querystring: teamQuery,
      response: { 200: teamResponse, ...errors },
    },
    // Cached JSON bytes of the same shape (see listTeamBytes).
    handler: async (req, reply) =>
      sendJsonBytes(reply, await people.listTeamBytes(db, actorOf(req), req.params.id, req.query.scope)),
  });

  app.post('/api/people/:id/invitation', {
    config: { policy: 'person.invite' },
    schema: {
      tags,
      summary: 'Send (or send again) an invitation e-mail',
      params: idParam,
      response: { 200: invitationResponse, ...errors },
    },
    handler: (req) => invitePerson(inviteDeps, actorOf(req), req.params.id),
  });

  app.get('/api/people/:id/export', {
    config: { policy: 'person.export' },
    schema: {
      tags,
      summary: 'Everything Relais holds about me, as JSON',
      params: idParam,
      response: { 200: personExport, ...errors },
    },
    handler: async (req, reply) => {
      const data = await people.exportPerson(db, actorOf(req), req.params.id);
      reply.header('content-disposition', `attachment; filename="relais-export-${req.params.id}.json"`);
      return data;
    },
  });
}
