import { z } from 'zod';
import { emailField, localeSchema, pageOf, pageQuery, requiredText, trimmed } from './common.schemas.ts';

export const skillLevels = [1, 2, 3, 4] as const;
export const skillSchema = z.object({
  name: requiredText(80),
  level: z.number().int().min(1).max(4),
});

export const personSummary = z.object({
  id: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  jobTitle: z.string(),
  team: z.string(),
  managerId: z.string().nullable(),
  status: z.enum(['invited', 'active']),
  isAdmin: z.boolean(),
  directReports: z.number().int(),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const personDetail = personSummary.extend({
  jobDescription: z.string(),
  locale: localeSchema,
  manager: z.object({ id: z.string(), name: z.string() }).nullable(),
  skills: z.array(skillSchema),
  permissions: z.object({
    update: z.boolean(),
    updateManager: z.boolean(),
    updateRole: z.boolean(),
    invite: z.boolean(),
    readTeam: z.boolean(),
  }),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const peopleListQuery = pageQuery.extend({
  q: trimmed(100).optional(),
  managerId: z.string().max(64).optional(),
});
export const peoplePage = pageOf(personSummary);

export const teamQuery = z.object({ scope: z.enum(['direct', 'subtree']).default('direct') });
export const teamResponse = z.object({ items: z.array(personSummary) });

export const orgChartNode = z.object({
  id: z.string(),
  name: z.string(),
  jobTitle: z.string(),
  managerId: z.string().nullable(),
});
export const orgChartResponse = z.object({ items: z.array(orgChartNode) });

export const createPersonBody = z.object({
  firstName: requiredText(80),
  lastName: requiredText(80),
  email: emailField,
  jobTitle: trimmed(120).default(''),
  jobDescription: trimmed(4000).default(''),
  team: trimmed(80).default(''),
  managerId: z.string().max(64).nullable().default(null),
  isAdmin: z.boolean().default(false),
  locale: localeSchema.default('fr'),
  skills: z.array(skillSchema).max(30).default([]),
  sendInvitation: z.boolean().default(true),
});
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = z.object({
  firstName: requiredText(80).optional(),
  lastName: requiredText(80).optional(),
  jobTitle: trimmed(120).optional(),
  jobDescription: trimmed(4000).optional(),
  team: trimmed(80).optional(),
  locale: localeSchema.optional(),
  skills: z.array(skillSchema).max(30).optional(),
  managerId: z.string().max(64).nullable().optional(),
  isAdmin: z.boolean().optional(),
});
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const invitationResponse = z.object({ ok: z.literal(true), expiresAt: z.string() });

export const invitationInfo = z.object({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  organisation: z.string(),
  locale: localeSchema,
});
export const acceptInvitationBody = z.object({ password: z.string().min(10).max(200) });

export const importBody = z.object({
  csv: z.string().min(1).max(5_000_000),
  confirm: z.boolean().default(false),
});
export const importRowError = z.object({
  line: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export const importPlanRow = z.object({
  line: z.number().int(),
  email: z.string(),
  name: z.string(),
  action: z.enum(['create', 'update', 'unchanged']),
  changes: z.array(z.string()),
});
export const importResult = z.object({
  confirmed: z.boolean(),
  rows: z.array(importPlanRow),
  errors: z.array(importRowError),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
  }),
});
export type ImportResult = z.infer<typeof importResult>;

export const personExport = z.object({
  exportedAt: z.string(),
  person: personDetail,
  organisation: z.object({ id: z.string(), name: z.string() }),
  /** The person's one-to-ones: shared content of the pair, and only their own private notes and moods. */
  oneOnOnes: z.array(
    z.object({
      role: z.enum(['manager', 'report']),
      with: z.string(),
      cadenceWeeks: z.number(),
      durationMinutes: z.number(),
      location: z.string(),
      meetings: z.array(
        z.object({
          plannedAt: z.string(),
          scheduledAt: z.string(),
          status: z.string(),
          moved: z.boolean(),
          moveReason: z.string().nullable(),
          cancelReason: z.string().nullable(),
          topics: z.array(
            z.object({ title: z.string(), kind: z.string(), done: z.boolean(), mine: z.boolean() }),
          ),
          sharedNotes: z.array(z.object({ step: z.number(), body: z.string() })),
          myPrivateNote: z.string().nullable(),
          myMood: z.object({ personal: z.number(), professional: z.number() }).nullable(),
        }),
      ),
      actions: z.array(
        z.object({
          title: z.string(),
          kind: z.string(),
          mine: z.boolean(),
          dueOn: z.string().nullable(),
          doneAt: z.string().nullable(),
        }),
      ),
    }),
  ),
  /** Delegations given or received, levels and their history, initiatives, own learning entries, bravos, handovers. */
  delegation: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
