import type { Kysely } from 'kysely';
import type { JargonLists } from '../../../../core/api/clarity.schemas.ts';
import { DEFAULT_JARGON, type ClarityLocale } from '../../../../core/domain/clarity.ts';
import { nowIso } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { authorize, can, type Actor } from '../../http/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { fullName } from '../people/person.presenter.ts';
import './clarity.table.ts';

type Db = Kysely<DB>;

/** Trimmed, blanks dropped, duplicates (ignoring case) dropped, first spelling kept, in the given order. */
export function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.trim().replace(/\s+/g, ' ');
    const key = term.toLocaleLowerCase('fr');
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}

/** The jargon list of each language as the clarity check uses it: the organisation's own, or the default. */
export async function getJargon(db: Db, actor: Actor): Promise<JargonLists> {
  authorize(actor, 'clarity.readJargon', { orgId: actor.orgId });
  const rows = await db
    .selectFrom('cl_jargon as j')
    .leftJoin('person as p', 'p.id', 'j.updated_by')
    .select(['j.locale', 'j.terms', 'j.updated_at', 'j.updated_by', 'p.first_name', 'p.last_name'])
    .where('j.org_id', '=', actor.orgId)
    .execute();
  const of = (locale: ClarityLocale) => {
    const row = rows.find((r) => r.locale === locale);
    const defaults = [...DEFAULT_JARGON[locale]];
    return {
      terms: row ? (JSON.parse(row.terms) as string[]) : defaults,
      custom: row !== undefined,
      defaults,
      updatedAt: row?.updated_at ?? null,
      updatedBy:
        row?.updated_by && row.first_name !== null && row.last_name !== null
          ? { id: row.updated_by, name: fullName({ first_name: row.first_name, last_name: row.last_name }) }
          : null,
    };
  };
  return {
    fr: of('fr'),
    en: of('en'),
    permissions: { update: can(actor, 'clarity.updateJargon', { orgId: actor.orgId }) },
  };
}

/** Saves the organisation's list for one language (an empty list is allowed: no jargon flagged); null = default. */
export async function saveJargon(
  db: Db,
  actor: Actor,
  locale: ClarityLocale,
  terms: readonly string[] | null,
): Promise<JargonLists> {
  authorize(actor, 'clarity.updateJargon', { orgId: actor.orgId });
  await db.transaction().execute(async (trx) => {
    if (terms === null) {
      await trx
        .deleteFrom('cl_jargon')
        .where('org_id', '=', actor.orgId)
        .where('locale', '=', locale)
        .execute();
    } else {
      const row = {
        org_id: actor.orgId,
        locale,
        terms: JSON.stringify(cleanTerms(terms)),
        updated_by: actor.personId,
        updated_at: nowIso(),
      };
      await trx
        .insertInto('cl_jargon')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['org_id', 'locale']).doUpdateSet({
            terms: row.terms,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    }
    await recordAudit(trx, {
      orgId: actor.orgId,
      actorPersonId: actor.personId,
      action: terms === null ? 'clarity.resetJargon' : 'clarity.updateJargon',
      subjectType: 'cl_jargon',
      subjectId: `${actor.orgId}:${locale}`,
    });
  });
  return getJargon(db, actor);
}
