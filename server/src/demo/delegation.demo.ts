import type { DemoExtension } from './demo.extensions.ts';
import type { DemoRole } from './demo.plan.ts';
import { createRng } from './demo.random.ts';
import {
  buildDelegationHistory,
  insertDelegationHistory,
  type DelegationTeam,
  type DomainKind,
} from './delegation.history.ts';

const WEEKS = 52;

/** The decision domains that fit each kind of team lead of the demo organisation. */
const KIND_OF_LEAD: Partial<Record<DemoRole, DomainKind>> = {
  director: 'management',
  regional: 'management',
  operations: 'management',
  leadKeyAccounts: 'keyAccounts',
  leadField: 'field',
  leadInside: 'inside',
  leadPresales: 'presales',
  leadSalesAdmin: 'salesAdmin',
};

/**
 * A year of delegation for every team of the demo organisation (a lead and their direct reports with an
 * account): decision domains, levels rising after debriefs, cards in every state, initiatives, weekly review
 * samples, client handovers, the learning log, bravos and a recent in-app inbox. The highlighted member gets
 * an in-progress card from the highlighted manager with a missed checkpoint. If the organisation already has
 * decision domains, nothing is added, so a second run changes nothing.
 */
export const delegationDemo: DemoExtension = {
  name: 'delegation',
  async run(ctx) {
    const existing = await ctx.db
      .selectFrom('dl_domain')
      .select('id')
      .where('org_id', '=', ctx.orgId)
      .limit(1)
      .executeTakeFirst();
    if (existing) {
      ctx.log('  Délégation : historique déjà présent, rien ajouté / delegation history already there.');
      return;
    }
    const active = ctx.plan.people.filter((p) => p.status === 'active');
    const teams: DelegationTeam[] = [];
    for (const lead of active) {
      const members = active.filter((p) => p.managerKey === lead.key).map((p) => ctx.person(p.key).id);
      if (members.length === 0) continue;
      teams.push({
        leadId: ctx.person(lead.key).id,
        memberIds: members,
        kind: KIND_OF_LEAD[lead.role] ?? 'generic',
      });
    }
    const names = new Map(active.map((p) => [ctx.person(p.key).id, `${p.firstName} ${p.lastName}`]));
    const rows = buildDelegationHistory({
      orgId: ctx.orgId,
      teams,
      now: ctx.now,
      weeks: WEEKS,
      rng: createRng(ctx.seed + 202),
      showcaseFor: [ctx.person(ctx.plan.highlights.member).id],
      names,
    });
    await insertDelegationHistory(ctx.db, rows);
    ctx.log(
      `  Délégation : ${rows.domains.length} domaines, ${rows.cards.length} délégations, ` +
        `${rows.initiatives.length} initiatives, ${rows.levelChanges.length} changements de niveau sur un an.`,
    );
  },
};
