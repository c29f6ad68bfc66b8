import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { ImportResult } from '../../../../core/api/people.schemas.ts';
import type { Locale } from '../../../../core/api/common.schemas.ts';
import { nowIso } from '../../db/dialect.ts';
import { translate, fieldLabel } from '../../http/messages.ts';
import { authorize, type Actor } from '../../http/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  insertPerson,
  listPeopleOfOrg,
  peopleCommitted,
  updatePersonRow,
  type PersonRow,
} from './person.repository.ts';

/** Header spellings seen in HR-system exports, French and English, compared without accents or punctuation. */
const aliases: Record<string, string[]> = {
  firstName: ['firstname', 'prenom', 'givenname', 'first'],
  lastName: ['lastname', 'nom', 'nomdefamille', 'surname', 'familyname', 'last'],
  email: [
    'email',
    'mail',
    'courriel',
    'adressemail',
    'adresseemail',
    'emailaddress',
    'workemail',
    'emailprofessionnel',
  ],
  jobTitle: ['jobtitle', 'title', 'poste', 'intituledeposte', 'intituleduposte', 'fonction', 'position'],
  managerEmail: [
    'manageremail',
    'emailmanager',
    'emaildumanager',
    'mailmanager',
    'courrielmanager',
    'responsableemail',
    'emailduresponsable',
    'supervisoremail',
  ],
  team: ['team', 'equipe', 'department', 'departement', 'service'],
};
const required = ['firstName', 'lastName', 'email'] as const;
const headerKey = (h: string) =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const rowSchema = z.object({
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  jobTitle: z.string().trim().max(120),
  managerEmail: z.union([z.literal(''), z.string().trim().toLowerCase().pipe(z.email())]),
  team: z.string().trim().max(80),
});
type Row = z.infer<typeof rowSchema> & { line: number };

const fieldNames: Record<string, string> = { managerEmail: 'manager_email' };

interface RowError {
  line: number;
  field: string;
  code: string;
  message: string;
}

export async function importPeople(
  db: Kysely<DB>,
  actor: Actor,
  input: { csv: string; confirm: boolean },
): Promise<ImportResult> {
  authorize(actor, 'people.import', { orgId: actor.orgId });
  const locale: Locale = actor.locale;
  const err = (
    line: number,
    field: string,
    code: string,
    params: Record<string, string | number> = {},
  ): RowError => ({
    line,
    field,
    code,
    message: translate(locale, `errors.${code}`, { ...params, field: fieldLabel(locale, field) }),
  });
  const empty = (errors: RowError[]): ImportResult => ({
    confirmed: false,
    rows: [],
    errors,
    counts: { create: 0, update: 0, unchanged: 0, errors: errors.length },
  });

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(input.csv, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    return empty([err(0, 'csv', 'csv_unreadable', { reason: (e as Error).message.split('\n')[0] ?? '' })]);
  }
  const header = records.shift();
  if (!header || records.length === 0) return empty([err(1, 'csv', 'csv_empty')]);
  const columns = new Map<string, number>();
  header.record.forEach((h, i) => {
    const key = headerKey(h);
    for (const [field, names] of Object.entries(aliases))
      if (names.includes(key) && !columns.has(field)) columns.set(field, i);
  });
  const missing = required.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    return empty(missing.map((f) => err(1, 'csv', 'csv_missing_column', { column: fieldLabel(locale, f) })));
  }

  const errors: RowError[] = [];
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const cell = (f: string) => {
      const i = columns.get(f);
      return i === undefined ? '' : (record[i] ?? '');
    };
    const parsed = rowSchema.safeParse({
      firstName: cell('firstName'),
      lastName: cell('lastName'),
      email: cell('email'),
      jobTitle: cell('jobTitle'),
      managerEmail: cell('managerEmail'),
      team: cell('team'),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = fieldNames[String(issue.path[0])] ?? String(issue.path[0]);
      const code =
        issue.code === 'too_small'
          ? 'required'
          : issue.code === 'too_big'
            ? 'too_long'
            : issue.code === 'invalid_union' || issue.code === 'invalid_format'
              ? 'invalid_email'
              : 'invalid';
      errors.push(err(line, field, code, { max: Number((issue as { maximum?: number }).maximum ?? 0) }));
      continue;
    }
    const firstLine = seen.get(parsed.data.email);
    if (firstLine !== undefined) {
      errors.push(err(line, 'email', 'csv_duplicate_email', { line: firstLine }));
      continue;
    }
    seen.set(parsed.data.email, line);
    rows.push({ ...parsed.data, line });
  }

  const existing = await listPeopleOfOrg(db, actor.orgId);
  const byEmail = new Map(existing.map((p) => [p.email, p]));
  const byId = new Map(existing.map((p) => [p.id, p]));

  // Rows whose manager cannot be found are dropped, which may orphan others: repeat until stable.
  let valid = rows;
  for (;;) {
    const inFile = new Set(valid.map((r) => r.email));
    const next = valid.filter(
      (r) => !r.managerEmail || inFile.has(r.managerEmail) || byEmail.has(r.managerEmail),
    );
    if (next.length === valid.length) break;
    for (const r of valid)
      if (!next.includes(r))
        errors.push(err(r.line, 'manager_email', 'csv_manager_unknown', { email: r.managerEmail }));
    valid = next;
  }

  // The hierarchy is rebuilt row by row, in file order: the row that would close a loop is the one refused.
  const managerOf = new Map<string, string | null>();
  for (const p of existing)
    managerOf.set(p.email, p.manager_id ? (byId.get(p.manager_id)?.email ?? null) : null);
  const closesLoop = (start: string) => {
    const visited = new Set<string>([start]);
    let cur = managerOf.get(start) ?? null;
    while (cur) {
      if (visited.has(cur)) return true;
      visited.add(cur);
      cur = managerOf.get(cur) ?? null;
    }
    return false;
  };
  valid = valid.filter((r) => {
    const previous = managerOf.has(r.email) ? (managerOf.get(r.email) ?? null) : undefined;
    managerOf.set(r.email, r.managerEmail || null);
    if (!closesLoop(r.email)) return true;
    if (previous === undefined) managerOf.delete(r.email);
    else managerOf.set(r.email, previous);
    errors.push(err(r.line, 'manager_email', 'csv_manager_cycle', { email: r.managerEmail }));
    return false;
  });

  const plan = valid.map((r) => {
    const current = byEmail.get(r.email);
    const changes: string[] = [];
    if (current) {
      const currentManager = current.manager_id ? (byId.get(current.manager_id)?.email ?? '') : '';
      if (current.first_name !== r.firstName) changes.push('firstName');
      if (current.last_name !== r.lastName) changes.push('lastName');
      if (columns.has('jobTitle') && current.job_title !== r.jobTitle) changes.push('jobTitle');
      if (columns.has('team') && current.team !== r.team) changes.push('team');
      if (columns.has('managerEmail') && currentManager !== r.managerEmail) changes.push('managerId');
    }
    const action: 'create' | 'update' | 'unchanged' = !current
      ? 'create'
      : changes.length > 0
        ? 'update'
        : 'unchanged';
    return { row: r, current, action, changes };
  });

  errors.sort((a, b) => a.line - b.line);
  const counts = {
    create: plan.filter((p) => p.action === 'create').length,
    update: plan.filter((p) => p.action === 'update').length,
    unchanged: plan.filter((p) => p.action === 'unchanged').length,
    errors: errors.length,
  };
  const result: ImportResult = {
    confirmed: false,
    rows: plan.map((p) => ({
      line: p.row.line,
      email: p.row.email,
      name: `${p.row.firstName} ${p.row.lastName}`,
      action: p.action,
      changes: p.changes,
    })),
    errors,
    counts,
  };
  if (!input.confirm || counts.create + counts.update === 0) return result;

  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const idByEmail = new Map(existing.map((p) => [p.email, p.id]));
    for (const p of plan.filter((x) => x.action === 'create')) {
      const id = crypto.randomUUID();
      idByEmail.set(p.row.email, id);
      const row: PersonRow = {
        id,
        org_id: actor.orgId,
        user_id: null,
        email: p.row.email,
        first_name: p.row.firstName,
        last_name: p.row.lastName,
        job_title: p.row.jobTitle,
        job_description: '',
        team: p.row.team,
        manager_id: null,
        is_admin: 0,
        locale: 'fr',
        status: 'invited',
        created_at: now,
        updated_at: now,
      };
      await insertPerson(trx, row);
    }
    for (const p of plan.filter((x) => x.action !== 'unchanged')) {
      const patch: Partial<PersonRow> = {
        first_name: p.row.firstName,
        last_name: p.row.lastName,
        updated_at: now,
      };
      if (columns.has('jobTitle')) patch.job_title = p.row.jobTitle;
      if (columns.has('team')) patch.team = p.row.team;
      if (columns.has('managerEmail'))
        patch.manager_id = p.row.managerEmail ? (idByEmail.get(p.row.managerEmail) ?? null) : null;
      await updatePersonRow(trx, idByEmail.get(p.row.email)!, patch);
    }
    await recordAudit(trx, {
      orgId: actor.orgId,
      actorPersonId: actor.personId,
      action: 'people.import',
      subjectType: 'organisation',
      subjectId: actor.orgId,
    });
  });
  peopleCommitted();
  return { ...result, confirmed: true };
}
