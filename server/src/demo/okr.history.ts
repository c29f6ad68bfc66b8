import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { insertReviews } from '../features/okr/okr.repository.ts';
import type {
  OkrKeyResultTable,
  OkrObjectiveTable,
  OkrReviewTable,
  StoredEntry,
} from '../features/okr/okr.table.ts';
import { OKR_TIME_ZONE, addDays, periodOf, reviewWeeks, todayIn } from '../features/okr/period.ts';
import type { Rng } from './demo.random.ts';

/**
 * A year of OKR-light history for teams, as plain rows (pure, seeded), and a bulk insert. Used by
 * `relais demo` and by the bench. Four back-to-back 90-day periods end with the one in progress; each has
 * one objective and three key results, a review every week with some weeks missed, and some key results
 * lagging enough to show "at risk".
 */
export interface OkrTeam {
  managerId: string;
  memberIds: readonly string[];
  /** The manager's own manager, to link each objective to that team's objective of the same period. */
  parentManagerId: string | null;
}

export interface OkrHistoryOptions {
  orgId: string;
  teams: readonly OkrTeam[];
  now: Date;
  rng: Rng;
  /** Periods of 90 days, the last one in progress (4 ≈ one year). */
  periods?: number;
  /** Share of past weeks without a review (0–1). */
  missedShare?: number;
  /** Share of key results that lag behind their expected progress. */
  laggingShare?: number;
}

export interface OkrHistoryRows {
  objectives: OkrObjectiveTable[];
  keyResults: OkrKeyResultTable[];
  reviews: OkrReviewTable[];
}

interface KrTemplate {
  metric: string;
  unit: string;
  start: number;
  target: number;
  direction: 'increase' | 'decrease' | 'keep_above' | 'keep_below';
}

const OBJECTIVES: { title: string; rules: string; scope: string; priorities: string; krs: KrTemplate[] }[] = [
  {
    title: 'Chaque client de la région livré sous 48 h',
    rules: 'Aucun délai promis sans vérification du stock ; un retard se signale au client avant l’échéance.',
    scope: 'Commandes standard ; les fabrications sur mesure suivent leur propre planning.',
    priorities: 'Les clients grands comptes d’abord, puis les commandes les plus anciennes.',
    krs: [
      { metric: 'Commandes livrées sous 48 h', unit: '%', start: 71, target: 92, direction: 'increase' },
      {
        metric: 'Réclamations liées aux délais',
        unit: 'par mois',
        start: 14,
        target: 4,
        direction: 'decrease',
      },
      {
        metric: 'Taux de service des références phares',
        unit: '%',
        start: 96,
        target: 95,
        direction: 'keep_above',
      },
    ],
  },
  {
    title: 'Des devis envoyés le jour même pour ne plus perdre d’affaires par lenteur',
    rules: 'Un devis standard part sans validation jusqu’à 10 % de remise ; au-delà, un appel au manager.',
    scope: 'Demandes entrantes du site, du téléphone et des salons.',
    priorities:
      'Réactivité d’abord, exhaustivité ensuite : un devis simple aujourd’hui vaut mieux qu’un parfait demain.',
    krs: [
      {
        metric: 'Devis envoyés le jour de la demande',
        unit: '%',
        start: 38,
        target: 85,
        direction: 'increase',
      },
      { metric: 'Délai moyen de réponse', unit: 'heures', start: 31, target: 6, direction: 'decrease' },
      { metric: 'Taux de transformation des devis', unit: '%', start: 19, target: 26, direction: 'increase' },
    ],
  },
  {
    title: 'Des clients qui recommandent l’agence, mesuré par leurs retours',
    rules:
      'Chaque réclamation a un porteur nommé sous 24 h ; on rappelle le client une fois le problème réglé.',
    scope: 'Clients actifs des douze derniers mois.',
    priorities: 'Les clients mécontents avant les nouveaux prospects.',
    krs: [
      { metric: 'Clients prêts à nous recommander', unit: '%', start: 52, target: 70, direction: 'increase' },
      {
        metric: 'Réclamations ouvertes depuis plus de 7 jours',
        unit: 'dossiers',
        start: 11,
        target: 2,
        direction: 'decrease',
      },
      {
        metric: 'Clients actifs rappelés dans le mois',
        unit: '%',
        start: 45,
        target: 80,
        direction: 'increase',
      },
    ],
  },
  {
    title: 'Une croissance rentable : 12 nouveaux comptes sans sacrifier la marge d’ici la fin du trimestre',
    rules:
      'Remise maximale de 12 % sur un premier contrat ; au-delà, la décision revient au directeur régional.',
    scope: 'Prospects du secteur, hors appels d’offres publics.',
    priorities: 'Les comptes récurrents avant les affaires ponctuelles.',
    krs: [
      { metric: 'Nouveaux comptes ouverts', unit: 'comptes', start: 0, target: 12, direction: 'increase' },
      {
        metric: 'Marge brute moyenne des nouvelles affaires',
        unit: '%',
        start: 31,
        target: 29,
        direction: 'keep_above',
      },
      { metric: 'Impayés à plus de 60 jours', unit: 'k€', start: 48, target: 20, direction: 'decrease' },
    ],
  },
];

const BLOCKERS = [
  'Transporteur en sous-effectif cette semaine',
  'Rupture sur deux références, réassort attendu',
  'Le nouvel outil de devis plante sur les gros paniers',
  'Deux commerciaux en congés, relances en retard',
  'Client important qui renégocie ses conditions',
  'Attente de la validation tarifaire du siège',
];

const round1 = (x: number) => Math.round(x * 10) / 10;

export function buildOkrHistory(o: OkrHistoryOptions): OkrHistoryRows {
  const periods = o.periods ?? 4;
  const missedShare = o.missedShare ?? 0.1;
  const laggingShare = o.laggingShare ?? 0.3;
  const today = todayIn(OKR_TIME_ZONE, o.now);
  // The period in progress started 30 days ago; the others are back to back before it.
  const currentStart = addDays(today, -30);
  const rows: OkrHistoryRows = { objectives: [], keyResults: [], reviews: [] };
  const ts = (date: string, hour = 9) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  // Ids first, so that a team's objective can point to its manager's team objective of the same period.
  const byTeamPeriod = new Map<string, string>();
  for (const team of o.teams)
    for (let p = 0; p < periods; p++) byTeamPeriod.set(`${team.managerId}:${p}`, crypto.randomUUID());
  // Parents are inserted before their children: order the teams by depth in the hierarchy.
  const parentOf = new Map(o.teams.map((t) => [t.managerId, t.parentManagerId]));
  const depth = (id: string): number => {
    let d = 0;
    for (let up = parentOf.get(id); up && d < 64; up = parentOf.get(up)) d++;
    return d;
  };
  const teams = [...o.teams].sort((a, b) => depth(a.managerId) - depth(b.managerId));

  for (const [t, team] of teams.entries()) {
    const people = [team.managerId, ...team.memberIds];
    for (let p = periods - 1; p >= 0; p--) {
      const period = periodOf('days90', addDays(currentStart, -90 * p));
      const template = OBJECTIVES[(t + p) % OBJECTIVES.length]!;
      const id = byTeamPeriod.get(`${team.managerId}:${p}`)!;
      rows.objectives.push({
        id,
        org_id: o.orgId,
        team_manager_id: team.managerId,
        title: template.title,
        rules: template.rules,
        scope: template.scope,
        priorities: template.priorities,
        period_kind: 'days90',
        period_start: period.start,
        period_end: period.end,
        review_weekday: 1,
        parent_id: team.parentManagerId ? (byTeamPeriod.get(`${team.parentManagerId}:${p}`) ?? null) : null,
        status: 'active',
        created_by: team.managerId,
        created_at: ts(addDays(period.start, -2)),
        updated_at: ts(addDays(period.start, -2)),
      });
      const krs = template.krs.map((k, i) => {
        const lagging = o.rng.next() < laggingShare;
        const row: OkrKeyResultTable = {
          id: crypto.randomUUID(),
          org_id: o.orgId,
          objective_id: id,
          position: i + 1,
          metric: k.metric,
          unit: k.unit,
          start_value: k.start,
          target_value: k.target,
          direction: k.direction,
          owner_id: people[(i + p) % people.length]!,
          confidence: lagging ? 5 : 7,
          created_at: ts(addDays(period.start, -2)),
          updated_at: ts(addDays(period.start, -2)),
        };
        // Pace: where the value stands relative to the time elapsed (1 = exactly on schedule).
        return { row, k, pace: lagging ? 0.45 + o.rng.next() * 0.25 : 0.95 + o.rng.next() * 0.25 };
      });
      rows.keyResults.push(...krs.map((k) => k.row));
      const weeks = reviewWeeks(period.start, period.end, 1).filter((w) => w <= today);
      for (const [wi, w] of weeks.entries()) {
        const thisWeek = addDays(w, 7) > today;
        // The current week may not be done yet; past weeks are sometimes missed.
        if (thisWeek ? o.rng.next() < 0.5 : o.rng.next() < missedShare) continue;
        const share = Math.min(1, (wi + 1) / Math.max(1, weeks.length + (p === 0 ? 8 : 0)));
        const entries: StoredEntry[] = krs.map(({ row, k, pace }) => {
          const noise = (o.rng.next() - 0.5) * 0.06;
          let v: number;
          if (k.direction === 'keep_above' || k.direction === 'keep_below') {
            const drift = pace < 0.9 ? -1.5 * (k.direction === 'keep_above' ? 1 : -1) : 0.5;
            v = k.start + drift * share + noise * Math.abs(k.target);
          } else v = k.start + (k.target - k.start) * Math.min(1.05, share * pace + noise);
          const c = Math.max(0, Math.min(10, Math.round((pace < 0.9 ? 4 : 7) + (o.rng.next() - 0.5) * 3)));
          return {
            k: row.id,
            v: row.unit === 'comptes' || row.unit === 'dossiers' ? Math.round(v) : round1(v),
            c,
            b: pace < 0.9 && o.rng.next() < 0.35 ? o.rng.pick(BLOCKERS) : '',
          };
        });
        rows.reviews.push({
          objective_id: id,
          week_start: w,
          org_id: o.orgId,
          entries: JSON.stringify(entries),
          author_id: people[wi % people.length]!,
          created_at: ts(w, 8),
          updated_at: ts(w, 8),
        });
      }
    }
  }
  return rows;
}

export async function insertOkrHistory(db: Kysely<DB>, rows: OkrHistoryRows): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Parents first: an objective links to its manager's objective of the same period.
    for (let i = 0; i < rows.objectives.length; i += 200)
      await trx
        .insertInto('okr_objective')
        .values(rows.objectives.slice(i, i + 200))
        .execute();
    for (let i = 0; i < rows.keyResults.length; i += 200)
      await trx
        .insertInto('okr_key_result')
        .values(rows.keyResults.slice(i, i + 200))
        .execute();
    await insertReviews(trx, rows.reviews);
  });
}
