import { describe, expect, it } from 'vitest';
import { createRng } from './demo.random.ts';
import { buildDelegationHistory, type DelegationTeam, type DomainKind } from './delegation.history.ts';

const DISCOUNTS = 'Remises jusqu’à 10 %';

const teams: DelegationTeam[] = (['field', 'keyAccounts', 'generic'] as DomainKind[]).flatMap((kind) =>
  Array.from({ length: 8 }, (_, i) => ({
    leadId: `${kind}-lead-${i}`,
    memberIds: [`${kind}-${i}-a`, `${kind}-${i}-b`, `${kind}-${i}-c`],
    kind,
  })),
);

describe('delegation history of the demo', () => {
  // How many random numbers a team's history draws depends on `now` (the hour of the day included), so the
  // domains drawn for the next teams depend on it too. The demo's sales teams show the discount domain
  // whenever the demo runs: drawn by chance, it was missing when the demo ran between 15:10 and 16:00 UTC on
  // 2026-12-03 (server/test/demo-delegation.int.test.ts failed then).
  it.each(['2026-12-03T15:30:00Z', '2026-12-03T16:20:00Z', '2026-12-05T03:00:00Z', '2027-02-17T14:00:00Z'])(
    'gives every field and key-account team the discount domain, at %s',
    (at) => {
      const rows = buildDelegationHistory({
        orgId: 'org',
        teams,
        now: new Date(at),
        weeks: 20,
        rng: createRng(11),
        showcaseFor: [],
        names: new Map(),
      });
      const withDiscounts = new Set(
        rows.domains.filter((d) => d.name === DISCOUNTS && d.archived === 0).map((d) => d.team_lead_id),
      );
      const sales = teams.filter((t) => t.kind !== 'generic').map((t) => t.leadId);
      expect(sales.filter((lead) => !withDiscounts.has(lead))).toEqual([]);
      expect(teams.filter((t) => t.kind === 'generic' && withDiscounts.has(t.leadId))).toEqual([]);
    },
  );
});
