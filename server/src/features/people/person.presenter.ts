import type { PersonDetail, PersonSummary } from '../../../../core/api/people.schemas.ts';
import type { Locale } from '../../../../core/api/common.schemas.ts';
import { fromFlag } from '../../db/dialect.ts';
import { can, type Actor, type PersonSubject } from '../../http/policy.ts';
import type { PersonRow, SummaryRow } from './person.repository.ts';

export const fullName = (p: { first_name: string; last_name: string }) =>
  `${p.first_name} ${p.last_name}`.trim();

export const presentSummary = (row: SummaryRow): PersonSummary =>
  summaryOf(row, Number(row.direct_reports ?? 0));

function summaryOf(row: Omit<SummaryRow, 'direct_reports'>, directReports: number): PersonSummary {
  return {
    id: row.id,
    name: fullName(row),
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    jobTitle: row.job_title,
    team: row.team,
    managerId: row.manager_id,
    status: row.status === 'active' ? 'active' : 'invited',
    isAdmin: fromFlag(row.is_admin),
    directReports,
  };
}

export function presentDetail(
  actor: Actor,
  row: PersonRow,
  extra: {
    subject: PersonSubject;
    skills: { name: string; level: number }[];
    manager: PersonRow | undefined;
    directReports: number;
  },
): PersonDetail {
  const { subject } = extra;
  // The summary is spread last: new keys after a spread cost V8 fresh hidden classes (ARCHITECTURE.md, "Hot paths").
  return {
    jobDescription: row.job_description,
    locale: (row.locale === 'en' ? 'en' : 'fr') as Locale,
    manager: extra.manager ? { id: extra.manager.id, name: fullName(extra.manager) } : null,
    skills: extra.skills.map((s) => ({ name: s.name, level: Number(s.level) })),
    // The UI hides what the caller cannot do, from the same rules the server enforces.
    permissions: {
      update: can(actor, 'person.update', subject),
      updateManager: can(actor, 'person.updateManager', subject),
      updateRole: can(actor, 'person.updateRole', subject),
      invite: can(actor, 'person.invite', subject) && row.status !== 'active',
      readTeam: can(actor, 'person.readTeam', subject),
    },
    ...summaryOf(row, extra.directReports),
  };
}
