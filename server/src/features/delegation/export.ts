import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import './delegation.table.ts';

/**
 * A person's delegation data for their own export: cards they gave or received (with checkpoints,
 * questions, validations), their levels and history, initiatives, their own learning entries (private
 * ones included, since they wrote them), bravos they gave or received and handovers they take part in.
 */
export async function delegationExport(db: Kysely<DB>, personId: string) {
  const cards = await db
    .selectFrom('dl_card')
    .selectAll()
    .where((eb) => eb.or([eb('delegator_id', '=', personId), eb('assignee_id', '=', personId)]))
    .orderBy('created_at')
    .execute();
  const cardIds = cards.map((c) => c.id);
  const byCard =
    <T extends { card_id: string }>(rows: T[]) =>
    (id: string) =>
      rows.filter((r) => r.card_id === id);
  const [checkpoints, messages, validations, values] = cardIds.length
    ? await Promise.all([
        db.selectFrom('dl_checkpoint').selectAll().where('card_id', 'in', cardIds).execute(),
        db.selectFrom('dl_message').selectAll().where('card_id', 'in', cardIds).execute(),
        db.selectFrom('dl_validation').selectAll().where('card_id', 'in', cardIds).execute(),
        db.selectFrom('dl_indicator_value').selectAll().where('card_id', 'in', cardIds).execute(),
      ])
    : [[], [], [], []];
  const [levels, levelHistory, initiatives, learning, bravos, handovers] = await Promise.all([
    db.selectFrom('dl_level').selectAll().where('person_id', '=', personId).execute(),
    db
      .selectFrom('dl_level_change')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('changed_at')
      .execute(),
    db
      .selectFrom('dl_initiative')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('concluded_on')
      .execute(),
    db
      .selectFrom('dl_learning')
      .selectAll()
      .where('author_id', '=', personId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('dl_bravo')
      .selectAll()
      .where((eb) => eb.or([eb('from_id', '=', personId), eb('to_id', '=', personId)]))
      .execute(),
    db
      .selectFrom('dl_handover')
      .selectAll()
      .where((eb) => eb.or([eb('manager_id', '=', personId), eb('member_id', '=', personId)]))
      .execute(),
  ]);
  return {
    cards: cards.map((c) => ({
      ...c,
      checkpoints: byCard(checkpoints)(c.id),
      messages: byCard(messages)(c.id),
      validations: byCard(validations)(c.id),
      indicatorValues: byCard(values)(c.id),
    })),
    levels,
    levelHistory,
    initiatives,
    learning: learning.map(({ search_text: _omit, ...rest }) => rest),
    bravos,
    handovers,
  };
}
