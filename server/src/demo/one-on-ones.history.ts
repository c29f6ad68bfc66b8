import type { Insertable, Kysely } from 'kysely';
import type {
  DB,
  OoActionTable,
  OoMeetingTable,
  OoMoodTable,
  OoNoteTable,
  OoRatingMarkerTable,
  OoRatingTable,
  OoSeriesTable,
  OoTopicTable,
} from '../db/schema.ts';
import { occurrenceAt, targetFuture } from '../features/one-on-ones/recurrence.ts';
import type { Rng } from './demo.random.ts';

/**
 * Realistic weekly one-to-one history for manager–report pairs, as plain rows (pure, seeded), and a bulk
 * insert in one transaction. Used by `relais demo` (one year) and by the bench (three years / three months).
 */
export interface HistoryPair {
  managerId: string;
  reportId: string;
}

export interface HistoryOptions {
  orgId: string;
  pairs: readonly HistoryPair[];
  now: Date;
  /** Weeks of history before `now`. */
  weeks: number;
  rng: Rng;
  /** Reports who rate their meetings (the others never do). */
  raters?: ReadonlySet<string>;
  /** Share of held meetings a rater rates (0–1). */
  ratingShare?: number;
  /** Lighter history (fewer notes and topics) for bulk pairs of the bench. */
  light?: boolean;
}

export interface HistoryRows {
  series: Insertable<OoSeriesTable>[];
  meetings: Insertable<OoMeetingTable>[];
  topics: Insertable<OoTopicTable>[];
  notes: Insertable<OoNoteTable>[];
  moods: Insertable<OoMoodTable>[];
  actions: Insertable<OoActionTable>[];
  ratingMarkers: Insertable<OoRatingMarkerTable>[];
  ratings: Insertable<OoRatingTable>[];
}

const DAY = 86_400_000;
const TIME_ZONE = 'Europe/Paris';
const FUTURE = targetFuture(1);
const WEEK = 7 * DAY;

const PRO_TOPICS = [
  'Point sur le pipeline du trimestre',
  'Relance du dossier Bretagne Emballages',
  'Préparation du rendez-vous avec la centrale d’achat',
  'Objectifs du prochain trimestre',
  'Retour sur la démonstration chez Atlantique Logistique',
  'Organisation des tournées de la semaine',
  'Proposition tarifaire pour le renouvellement du contrat',
  'Formation au nouvel outil de devis',
  'Un client mécontent des délais de livraison',
  'Répartition des comptes après le départ de Julien',
  'Salon professionnel de Nantes : qui y va ?',
  'Mise à jour des fiches clients dans le CRM',
  'Négociation en cours : jusqu’où aller sur la remise ?',
  'Prévisions de ventes à remonter à la direction',
  'Comment mieux qualifier les prospects entrants',
  'Partage de la méthode de découverte avec l’équipe',
  'Appel d’offres de la communauté de communes',
  'Délégation des relances de factures',
  'Retour d’expérience sur le premier rendez-vous en visio',
  'Priorités de la semaine prochaine',
];
const PERSONAL_TOPICS = [
  'Charge de travail un peu lourde en ce moment',
  'Envie d’évoluer vers un poste de grands comptes',
  'Organisation pendant les vacances scolaires',
  'Trajets longs cette semaine : comment les alléger ?',
  'Retour de congé parental, reprise en douceur',
  'Formation en anglais : où en est la demande ?',
  'Télétravail le vendredi',
  'Fatigue après la période des salons',
  'Ce qui me motive le plus en ce moment',
  'Mon entretien annuel approche',
];
const NOTES: Record<number, readonly string[]> = {
  1: [
    'Semaine dense mais bonne énergie. Veut surtout parler du pipeline et de son organisation.',
    'Un peu fatigué·e, beaucoup de route. Souhaite commencer par le client mécontent.',
    'En forme, contente de la signature de mardi. Deux sujets à couvrir.',
    'Se sent débordé·e par les relances administratives ; on en parle en premier.',
  ],
  2: [
    'Bravo pour la signature avec la centrale d’achat : préparation très soignée.',
    'Relances faites dans les temps, le client l’a remarqué.',
    'A partagé sa méthode de découverte avec deux collègues : très utile pour l’équipe.',
    'Compte rendu du salon clair et envoyé le jour même.',
  ],
  3: [
    'Devis envoyé sans relecture : deux erreurs de prix. Impact : crédibilité auprès du client. Son plan : relecture systématique par un pair.',
    'Retard sur la mise à jour du CRM, l’équipe n’a pas la bonne vision. Son plan : 15 minutes chaque vendredi.',
  ],
  4: [
    'Bloqué·e par l’attente de validation des remises. Je m’engage à répondre sous 24 h.',
    'Manque d’accès à l’outil de devis en déplacement : je fais la demande au support.',
    'Trop de réunions internes le lundi : je regarde pour en supprimer une.',
  ],
  5: [
    'Préparé ensemble la trame du rendez-vous de jeudi.',
    'Revue à deux de la proposition tarifaire, nouvelle version à envoyer lundi.',
  ],
  6: [
    'Prochaines étapes claires. Merci pour ton engagement cette semaine !',
    'On garde le cap : deux relances et la proposition. Bonne semaine.',
    'Très bon échange, je compte sur toi pour le salon.',
  ],
};
const REPORT_ACTIONS = [
  'Relancer les trois devis en attente',
  'Mettre à jour les fiches clients du secteur',
  'Faire relire les devis par un pair avant envoi',
  'Préparer la trame du rendez-vous avec la centrale',
  'Envoyer le compte rendu de visite',
  'Qualifier les cinq prospects entrants',
];
const MANAGER_ACTIONS = [
  'Valider la remise exceptionnelle',
  'Demander l’accès mobile à l’outil de devis',
  'Supprimer une réunion interne du lundi',
  'Appuyer la demande de formation en anglais',
  'Présenter le dossier au comité régional',
];
const JOINT_ACTIONS = [
  'Préparer ensemble la proposition tarifaire',
  'Faire le point sur le plan de tournée',
  'Caler une visite commune chez le client',
];
const MOVE_REASONS = [
  'Rendez-vous client déplacé sur ce créneau',
  'Déplacement à Paris pour le comité',
  'Salon professionnel toute la journée',
  'Arrêt maladie, décalé au lendemain',
  'Formation obligatoire ce jour-là',
];
const CANCEL_REASONS = [
  'Congés de part et d’autre cette semaine',
  'Jour férié',
  'Séminaire régional sur deux jours',
];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const clampMood = (n: number) => Math.min(5, Math.max(1, Math.round(n)));

export function buildOneOnOneHistory(opts: HistoryOptions): HistoryRows {
  const { orgId, now, weeks, rng } = opts;
  const rows: HistoryRows = {
    series: [],
    meetings: [],
    topics: [],
    notes: [],
    moods: [],
    actions: [],
    ratingMarkers: [],
    ratings: [],
  };
  const ratingSums = new Map<string, HistoryRows['ratings'][number]>();
  const nowMs = now.getTime();
  const id = () => crypto.randomUUID();
  const iso = (ms: number) => new Date(ms).toISOString();

  for (const pair of opts.pairs) {
    const { managerId, reportId } = pair;
    // A weekday slot between 07:00 and 15:30 UTC, starting `weeks` weeks ago.
    const start = new Date(nowMs - weeks * WEEK);
    start.setUTCHours(0, 0, 0, 0);
    const weekday = rng.int(1, 5);
    start.setUTCDate(start.getUTCDate() + ((weekday - start.getUTCDay() + 7) % 7));
    start.setUTCHours(rng.int(7, 15), rng.pick([0, 30]), 0, 0);
    const firstMs = start.getTime();
    const firstIso = iso(firstMs);
    const duration = rng.pick([30, 45, 45, 60]);
    const seriesId = id();
    rows.series.push({
      id: seriesId,
      org_id: orgId,
      manager_id: managerId,
      report_id: reportId,
      cadence_weeks: 1,
      duration_minutes: duration,
      first_at: firstIso,
      time_zone: TIME_ZONE,
      location: rng.next() < 0.6 ? rng.pick(['Bureau de la responsable', 'Salle Loire', 'Salle Erdre']) : '',
      video_url: rng.next() < 0.4 ? `https://visio.example/relais-${seriesId.slice(0, 8)}` : '',
      active: 1,
      created_by: managerId,
      created_at: iso(firstMs - 3 * DAY),
      updated_at: iso(firstMs - 3 * DAY),
    });
    const rates = opts.raters?.has(reportId) ?? false;
    let personalMood = rng.int(3, 4);
    let proMood = rng.int(3, 4);
    let managerMood = 4;
    /** Open actions of the series, with the meeting that decided them. */
    const open: { row: Insertable<OoActionTable>; dueMs: number }[] = [];

    /** Topics added in the days before a meeting not held yet, the report's first. */
    const agendaInProgress = (meetingId: string, plannedMs: number) => {
      const n = opts.light ? 1 : rng.int(1, 3);
      for (let t = 0; t < n; t++)
        addTopic(
          meetingId,
          t === 0 ? reportId : rng.pick([managerId, reportId]),
          plannedMs - rng.int(1, 5) * DAY,
          false,
        );
    };

    let future = 0;
    for (let k = 0; future < FUTURE; k++) {
      // Same wall-clock slot every week in the series' time zone, as the one-to-ones module computes it.
      const plannedMs = Date.parse(occurrenceAt(firstIso, TIME_ZONE, 1, k));
      const meetingId = id();
      if (plannedMs > nowMs) {
        // Upcoming occurrences are materialised like the module does; the next one has an agenda in progress.
        rows.meetings.push(meetingRow(meetingId, plannedMs, plannedMs, 'planned'));
        if (future === 0) agendaInProgress(meetingId, plannedMs);
        future++;
        continue;
      }
      if (plannedMs > nowMs - 3 * 3_600_000) {
        // Earlier today: not held yet, still open, and the series' next meeting: its agenda is ready.
        rows.meetings.push(meetingRow(meetingId, plannedMs, plannedMs, 'planned'));
        agendaInProgress(meetingId, plannedMs);
        continue;
      }
      const roll = rng.next();
      if (roll < 0.03) {
        const row = meetingRow(meetingId, plannedMs, plannedMs, 'cancelled');
        row.cancel_reason = rng.pick(CANCEL_REASONS);
        rows.meetings.push(row);
        continue;
      }
      let scheduledMs = plannedMs;
      const moved = roll < 0.13;
      if (moved) {
        scheduledMs = plannedMs + rng.pick([-1, 1, 1, 2, 3]) * DAY + rng.pick([-2, 0, 1, 3]) * 3_600_000;
        if (scheduledMs + 2 * duration * 60_000 >= nowMs) scheduledMs = plannedMs;
      }
      const startedMs = scheduledMs + rng.int(0, 5) * 60_000;
      const lengthMs = (duration + rng.int(-10, 10)) * 60_000;
      const closedMs = startedMs + lengthMs;
      const row = meetingRow(meetingId, plannedMs, scheduledMs, 'held');
      if (moved && scheduledMs !== plannedMs) {
        row.moved = 1;
        row.move_reason = rng.pick(MOVE_REASONS);
      }
      row.started_at = iso(startedMs);
      row.closed_at = iso(closedMs);
      const skipped = rng.next() < 0.3 ? rng.pick([3, 5]) : 0;
      const log: { step: number; at: string; event: 'enter' | 'skip' }[] = [];
      for (let s = 1; s <= 6; s++)
        log.push({
          step: s,
          at: iso(startedMs + ((s - 1) * lengthMs) / 6),
          event: s === skipped ? 'skip' : 'enter',
        });
      row.step_log = JSON.stringify(log);
      const reportShare = 0.4 + rng.next() * 0.25;
      row.talk_report_ms = Math.round(lengthMs * reportShare);
      row.talk_manager_ms = Math.round(lengthMs * (1 - reportShare)) - rng.int(0, 60_000);
      row.updated_at = iso(closedMs);
      rows.meetings.push(row);

      // Agenda prepared before the meeting: the report's topics first.
      const topicCount = opts.light ? rng.int(1, 2) : rng.int(2, 4);
      for (let t = 0; t < topicCount; t++)
        addTopic(
          meetingId,
          t === 0 || rng.next() < 0.5 ? reportId : managerId,
          plannedMs - rng.int(1, 4) * DAY,
          true,
        );

      // Shared notes for the steps that were not skipped.
      const noteSteps = opts.light
        ? [1, 6]
        : [1, 2, 4, 6].concat(rng.next() < 0.35 ? [3] : []).concat(rng.next() < 0.3 ? [5] : []);
      for (const s of noteSteps) {
        if (s === skipped) continue;
        rows.notes.push({
          org_id: orgId,
          meeting_id: meetingId,
          step: s,
          body: rng.pick(NOTES[s]!),
          updated_by: rng.next() < 0.7 ? managerId : reportId,
          updated_at: iso(startedMs + ((s - 0.5) * lengthMs) / 6),
        });
      }

      // Moods: a slow drift, with the odd hard week.
      personalMood = clampMood(personalMood + rng.int(-1, 1) * (rng.next() < 0.3 ? 1 : 0));
      proMood = clampMood(proMood + rng.int(-1, 1) * (rng.next() < 0.3 ? 1 : 0));
      managerMood = clampMood(managerMood + rng.int(-1, 1) * (rng.next() < 0.2 ? 1 : 0));
      const hardWeek = rng.next() < 0.06;
      rows.moods.push(
        {
          org_id: orgId,
          meeting_id: meetingId,
          person_id: reportId,
          personal: hardWeek ? 2 : Math.max(2, personalMood),
          professional: Math.max(2, proMood),
          updated_at: iso(startedMs + 60_000),
        },
        {
          org_id: orgId,
          meeting_id: meetingId,
          person_id: managerId,
          personal: Math.max(2, managerMood),
          professional: Math.max(3, managerMood),
          updated_at: iso(startedMs + 90_000),
        },
      );

      // Open actions completed since their meeting are closed here (most are done within a few weeks).
      for (let i = open.length - 1; i >= 0; i--) {
        const a = open[i]!;
        const overdueAlready = a.dueMs < nowMs - 2 * WEEK;
        if (rng.next() < 0.55 || (overdueAlready && rng.next() < 0.9)) {
          const doneMs = Math.max(
            new Date(a.row.created_at!).getTime() + DAY,
            startedMs - rng.int(0, 4) * DAY,
          );
          a.row.done_at = iso(Math.min(doneMs, startedMs));
          a.row.done_meeting_id = meetingId;
          open.splice(i, 1);
        }
      }
      // New actions decided in this meeting.
      const actionCount = opts.light ? rng.int(0, 1) : rng.int(1, 3);
      for (let i = 0; i < actionCount; i++) {
        const kind = rng.pick(['report_plan', 'report_plan', 'manager_help', 'joint', 'next_step'] as const);
        const owner =
          kind === 'manager_help' ? managerId : kind === 'joint' ? rng.pick([managerId, reportId]) : reportId;
        const title =
          kind === 'manager_help'
            ? rng.pick(MANAGER_ACTIONS)
            : kind === 'joint'
              ? rng.pick(JOINT_ACTIONS)
              : rng.pick(REPORT_ACTIONS);
        const dueMs = closedMs + rng.int(5, 20) * DAY;
        const action: Insertable<OoActionTable> = {
          id: id(),
          org_id: orgId,
          series_id: seriesId,
          origin_meeting_id: meetingId,
          owner_id: owner,
          title,
          kind,
          due_on: isoDay(new Date(dueMs)),
          done_at: null,
          done_meeting_id: null,
          created_by: rng.pick([managerId, reportId]),
          created_at: iso(closedMs - 5 * 60_000),
        };
        rows.actions.push(action);
        open.push({ row: action, dueMs });
      }

      // The report rates some meetings: anonymous scores, and a marker that they rated this one.
      if (rates && rng.next() < (opts.ratingShare ?? 0.6)) {
        const month = new Date(closedMs).toISOString().slice(0, 7);
        rows.ratingMarkers.push({ org_id: orgId, meeting_id: meetingId, rater_id: reportId, month });
        // Scores are stored as monthly sums per manager, as the app does.
        const [structured, useful, couldSpeak] = [rng.int(3, 5), rng.int(3, 5), rng.int(2, 5)];
        const sums = ratingSums.get(`${managerId}|${month}`);
        if (sums) {
          sums.answers = Number(sums.answers) + 1;
          sums.structured = Number(sums.structured) + structured;
          sums.useful = Number(sums.useful) + useful;
          sums.could_speak = Number(sums.could_speak) + couldSpeak;
        } else {
          const first = {
            org_id: orgId,
            manager_id: managerId,
            month,
            answers: 1,
            structured,
            useful,
            could_speak: couldSpeak,
          };
          ratingSums.set(`${managerId}|${month}`, first);
          rows.ratings.push(first);
        }
      }
    }
  }
  return rows;

  function meetingRow(
    meetingId: string,
    plannedMs: number,
    scheduledMs: number,
    status: 'planned' | 'held' | 'cancelled',
  ): Insertable<OoMeetingTable> {
    return {
      id: meetingId,
      org_id: orgId,
      series_id: rows.series[rows.series.length - 1]!.id,
      planned_at: iso(plannedMs),
      scheduled_at: iso(scheduledMs),
      status,
      moved: 0,
      move_reason: null,
      cancel_reason: null,
      started_at: null,
      closed_at: null,
      step_log: '[]',
      current_step: null,
      talk_manager_ms: 0,
      talk_report_ms: 0,
      speaking: null,
      speaking_since: null,
      created_at: iso(Math.min(plannedMs - 7 * DAY, nowMs)),
      updated_at: iso(Math.min(scheduledMs, nowMs)),
    };
  }

  function addTopic(meetingId: string, authorId: string, atMs: number, done: boolean) {
    const personal = rng.next() < 0.25;
    rows.topics.push({
      id: id(),
      org_id: orgId,
      meeting_id: meetingId,
      author_id: authorId,
      title: rng.pick(personal ? PERSONAL_TOPICS : PRO_TOPICS),
      kind: personal ? 'personal' : 'professional',
      done: done && rng.next() < 0.9 ? 1 : 0,
      created_at: new Date(Math.min(atMs, nowMs)).toISOString(),
    });
  }
}

/** Inserts the rows in one transaction, in chunks that stay under both engines' bind-parameter limits. */
export async function insertOneOnOneHistory(db: Kysely<DB>, rows: HistoryRows): Promise<void> {
  const chunk = async <T extends keyof DB>(trx: Kysely<DB>, table: T, values: Insertable<DB[T]>[]) => {
    if (values.length === 0) return;
    const columns = Object.keys(values[0] as object).length;
    const size = Math.max(1, Math.floor(30_000 / columns));
    for (let i = 0; i < values.length; i += size) {
      // Kysely cannot relate a generic table name to its row type: the rows were typed by the caller.
      await trx
        .insertInto(table)
        .values(values.slice(i, i + size) as never)
        .execute();
    }
  };
  await db.transaction().execute(async (trx) => {
    await chunk(trx, 'oo_series', rows.series);
    await chunk(trx, 'oo_meeting', rows.meetings);
    await chunk(trx, 'oo_topic', rows.topics);
    await chunk(trx, 'oo_note', rows.notes);
    await chunk(trx, 'oo_mood', rows.moods);
    await chunk(trx, 'oo_action', rows.actions);
    await chunk(trx, 'oo_rating_marker', rows.ratingMarkers);
    await chunk(trx, 'oo_rating', rows.ratings);
  });
}
