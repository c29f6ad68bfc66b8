import { z } from 'zod';
import { emailField, localeSchema, pageOf, passwordField, requiredText } from './common.schemas.ts';
import { personDetail } from './people.schemas.ts';

export const setupStatus = z.object({ needsSetup: z.boolean(), sso: z.boolean() });

export const setupBody = z.object({
  organisationName: requiredText(120),
  firstName: requiredText(80),
  lastName: requiredText(80),
  email: emailField,
  password: passwordField,
  locale: localeSchema.default('fr'),
});

export const meResponse = z.object({
  person: personDetail,
  organisation: z.object({ id: z.string(), name: z.string(), kThreshold: z.number().int() }),
  twoFactorEnabled: z.boolean(),
});
export type Me = z.infer<typeof meResponse>;

export const orgResponse = z.object({
  id: z.string(),
  name: z.string(),
  defaultLocale: localeSchema,
  kThreshold: z.number().int(),
  permissions: z.object({ update: z.boolean() }),
});
export const updateOrgBody = z.object({
  name: requiredText(120).optional(),
  defaultLocale: localeSchema.optional(),
  kThreshold: z.number().int().min(3).max(50).optional(),
});

export const outboxItem = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});
export const outboxPage = pageOf(outboxItem);

export const auditItem = z.object({
  id: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  createdAt: z.string(),
});
export const auditPage = pageOf(auditItem);
