import type { Insertable, Kysely } from 'kysely';
import { drawSample, sampleSeed } from '../../../core/domain/autonomy.ts';
import type { DB } from '../db/schema.ts';
import type {
  DlBravoTable,
  DlCardTable,
  DlCheckpointTable,
  DlConcludedTable,
  DlDomainTable,
  DlHandoverStageTable,
  DlHandoverTable,
  DlIndicatorValueTable,
  DlInitiativeTable,
  DlLearningTable,
  DlLevelChangeTable,
  DlLevelTable,
  DlMessageTable,
  DlSampleItemTable,
  DlSampleTable,
  DlTeamSettingTable,
  DlValidationTable,
  NotificationTable,
} from '../features/delegation/delegation.table.ts';
import { foldForSearch } from '../lib/search-text.ts';
import type { Rng } from './demo.random.ts';

/**
 * Realistic delegation history for teams (a lead and their direct reports), as plain rows (pure, seeded),
 * and a bulk insert in one transaction. Used by `relais demo` (one year) and by the bench (three years /
 * three months). Over the weeks, levels rise after debriefs, validation requests get rarer and initiatives
 * more frequent, so that the autonomy indicator trends up; every derived row (dl_concluded, dl_level,
 * weekly samples, learning log entries of debriefs) is written the way the server writes it.
 */

/** Which list of decision domains fits a team. */
export type DomainKind =
  'keyAccounts' | 'field' | 'inside' | 'presales' | 'salesAdmin' | 'management' | 'generic';

export interface DelegationTeam {
  leadId: string;
  memberIds: readonly string[];
  kind: DomainKind;
}

export interface DelegationHistoryOptions {
  orgId: string;
  teams: readonly DelegationTeam[];
  now: Date;
  /** Weeks of history before `now`. */
  weeks: number;
  rng: Rng;
  /** Fewer cards, no conversation, samples, handovers nor learning log: bulk teams of the bench. */
  light?: boolean;
  /**
   * Members who get, on top of their history, an in-progress card from their lead with checkpoints (one posted,
   * one missed, one ahead), an indicator, a validation and a question: the demo's showcase, the bench's write.
   */
  showcaseFor?: readonly string[];
  /** Person id → full name: when given, the recent events (last three weeks) fill the in-app inbox. */
  names?: ReadonlyMap<string, string>;
}

export interface ShowcaseCard {
  cardId: string;
  delegatorId: string;
  assigneeId: string;
  /** Checkpoints in date order: posted on track, missed (yesterday), ahead. */
  checkpointIds: string[];
}

export interface DelegationRows {
  domains: Insertable<DlDomainTable>[];
  teamSettings: Insertable<DlTeamSettingTable>[];
  cards: Insertable<DlCardTable>[];
  checkpoints: Insertable<DlCheckpointTable>[];
  messages: Insertable<DlMessageTable>[];
  validations: Insertable<DlValidationTable>[];
  indicatorValues: Insertable<DlIndicatorValueTable>[];
  levels: Insertable<DlLevelTable>[];
  levelChanges: Insertable<DlLevelChangeTable>[];
  initiatives: Insertable<DlInitiativeTable>[];
  concluded: Insertable<DlConcludedTable>[];
  samples: Insertable<DlSampleTable>[];
  sampleItems: Insertable<DlSampleItemTable>[];
  handovers: Insertable<DlHandoverTable>[];
  handoverStages: Insertable<DlHandoverStageTable>[];
  learning: Insertable<DlLearningTable>[];
  bravos: Insertable<DlBravoTable>[];
  notifications: Insertable<NotificationTable>[];
  showcase: ShowcaseCard[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Default share of the weekly review sample (the server's default when a team has no setting). */
const DEFAULT_SHARE = 0.2;
const INBOX_DAYS = 21;

// ── Texts (French: the demo organisation is French) ───────────────────────────────────────────────

const CLIENTS = [
  'Bretagne Emballages',
  'Atlantique Logistique',
  'Menuiseries Le Gall',
  'Transports Guillou',
  "Biscuiterie de l'Erdre",
  'Cave coopérative des Graves',
  'Garage Central Vannetais',
  'Clinique vétérinaire des Dunes',
  'Imprimerie Ouest Graphic',
  'Laiterie du Porhoët',
  'Chantiers Kerhervé',
  'Hôtel des Remparts',
  'Pharmacie du Vieux Port',
  'Boulangeries Pétrin d’Or',
  'Cabinet Morel & Associés',
  'Agri Loire Services',
  'Métallerie Bordelaise',
  'Conserverie Penn Ar Bed',
  'Armor Électricité Pro',
  'Domaine de Ronsac',
  'Océane Nautisme',
  'Verrerie du Blavet',
  'Maison Fardel Traiteur',
  'Espaces Verts du Pays Nantais',
  'Scierie des Landes Réunies',
  'Groupe Santé Côte d’Argent',
  'Plasturgie de la Vilaine',
  'Coopérative Terres d’Iroise',
  'Lumière & Habitat',
  'Ateliers Mécaniques du Léon',
  'Caves Bertheau',
  'Ambulances Saint-Clair',
] as const;

interface DomainSpec {
  name: string;
  description: string;
  /** Outcomes of cards in this domain; `{client}` is replaced by a fictitious company. */
  outcomes: readonly string[];
}

const D = (name: string, description: string, outcomes: readonly string[]): DomainSpec => ({
  name,
  description,
  outcomes,
});

const DISCOUNTS = D(
  'Remises jusqu’à 10 %',
  'Remises accordées sur devis ou commande, dans la limite de 10 % du prix catalogue.',
  [
    'Conclure la commande de {client} avec une remise de 10 % au plus',
    'Renégocier les conditions de {client} sans dépasser 10 % de remise',
    'Proposer une offre de fidélité à {client} dans la limite de 10 % de remise',
    'Répondre à la demande de remise de {client} sur le renouvellement',
  ],
);
const FOLLOW_UPS = D(
  'Relances clients',
  'Relances de devis, de clients inactifs et de décisions en attente.',
  [
    'Relancer les devis de plus de 30 jours et obtenir une réponse ferme de chacun',
    'Réactiver les clients sans commande depuis six mois, dont {client}',
    'Obtenir une date de décision de {client} sur le devis en attente',
    'Relancer les participants du salon et qualifier leurs besoins',
  ],
);
const DISPUTES = D('Gestion des litiges', 'Réclamations, factures contestées et litiges de livraison.', [
  'Régler le litige de livraison avec {client} sans perdre le compte',
  'Trouver un accord avec {client} sur la facture contestée',
  'Clore la réclamation de {client} sur la qualité en moins de deux semaines',
]);
const TENDERS = D(
  'Réponses aux appels d’offres',
  'Décision de répondre, constitution du dossier et dépôt des réponses aux consultations.',
  [
    'Répondre à l’appel d’offres de {client} dans les délais, dossier complet',
    'Coordonner la réponse à la consultation de {client} avec l’avant-vente',
    'Préparer la soutenance orale de l’appel d’offres de {client}',
    'Rédiger le mémoire technique de la réponse à {client}',
  ],
);
const HIRING = D(
  'Entretiens de recrutement',
  'Entretiens, choix des candidats et proposition d’embauche dans la fourchette convenue.',
  [
    'Mener les entretiens du poste de commercial terrain et proposer un candidat',
    'Organiser la journée de recrutement des chargés de clientèle',
    'Choisir l’alternant de l’équipe pour la rentrée',
    'Recruter un renfort pour la période des salons',
  ],
);
const ONBOARDING = D(
  'Intégration des nouveaux arrivants',
  'Parcours d’intégration, parrainage et premières semaines des recrues.',
  [
    'Construire le parcours d’intégration du nouveau commercial',
    'Organiser la première semaine des deux recrues',
    'Mettre en place le parrainage des nouveaux arrivants',
  ],
);
const LEAVE = D(
  'Organisation des congés de l’équipe',
  'Planning des congés et polyvalence pour que chaque dossier avance.',
  [
    'Organiser la polyvalence pendant les congés d’été',
    'Construire le planning des congés de fin d’année',
    'Former un binôme de secours sur les dossiers urgents',
  ],
);

const DOMAIN_POOLS: Record<DomainKind, readonly DomainSpec[]> = {
  field: [
    DISCOUNTS,
    D('Planning des tournées', 'Organisation des tournées et des visites clients du secteur.', [
      'Réorganiser la tournée du secteur nord pour gagner une demi-journée par semaine',
      'Construire le planning des visites du mois chez les clients à potentiel',
      'Intégrer les nouveaux prospects de la zone d’activité dans la tournée',
      'Caler les visites de fin de trimestre sans déborder sur le vendredi',
    ]),
    FOLLOW_UPS,
    DISPUTES,
    D('Devis standard', 'Chiffrage et envoi des devis au tarif catalogue.', [
      'Envoyer les devis standard du secteur sous 48 h sans relecture',
      'Chiffrer et envoyer le devis de renouvellement de {client}',
      'Mettre à jour la trame de devis avec les nouveaux tarifs',
    ]),
    D('Prospection d’un nouveau secteur', 'Ouverture de zones et de cibles nouvelles.', [
      'Ouvrir le secteur de la presqu’île : dix premiers rendez-vous qualifiés',
      'Décrocher un premier rendez-vous chez {client}',
      'Cartographier les PME de la nouvelle zone d’activité et prioriser les visites',
    ]),
    D('Salons et événements locaux', 'Présence aux salons, petits-déjeuners et invitations clients.', [
      'Organiser la présence de l’équipe au salon des entrepreneurs',
      'Inviter vingt clients au petit-déjeuner de la rentrée',
      'Préparer le stand et le planning de permanence du salon régional',
    ]),
    D('Gestes commerciaux jusqu’à 500 €', 'Compensations accordées à un client, jusqu’à 500 € par dossier.', [
      'Proposer un geste commercial à {client} après le retard de livraison',
      'Décider du geste commercial qui compense l’erreur de facturation de {client}',
      'Régler l’insatisfaction de {client} avec un geste de 500 € au plus',
    ]),
  ],
  keyAccounts: [
    DISCOUNTS,
    D('Plans de compte annuels', 'Plan de compte, cartographie des décideurs et projets à venir.', [
      'Construire le plan de compte annuel de {client} et le présenter à l’équipe',
      'Identifier trois nouveaux projets chez {client} pour le plan de compte',
      'Mettre à jour la cartographie des décideurs de {client}',
    ]),
    D(
      'Négociations avec les directions achats',
      'Négociations annuelles, référencements et hausses tarifaires.',
      [
        'Mener la négociation annuelle avec la direction achats de {client}',
        'Obtenir le référencement chez {client} pour trois ans',
        'Défendre la hausse tarifaire de 3 % auprès des achats de {client}',
      ],
    ),
    FOLLOW_UPS,
    TENDERS,
    D('Invitations clients et événements', 'Visites de site, déjeuners d’affaires et conférences clients.', [
      'Organiser la visite du site de production pour {client}',
      'Inviter les décideurs de {client} à la conférence de printemps',
      'Monter le déjeuner d’affaires annuel avec {client}',
    ]),
    DISPUTES,
    D('Prévision mensuelle', 'Prévision des ventes de l’équipe transmise à la direction régionale.', [
      'Consolider la prévision du mois et la transmettre à la direction régionale',
      'Fiabiliser la prévision du trimestre sur les cinq plus gros comptes',
      'Préparer la revue de pipeline de fin de mois',
    ]),
  ],
  inside: [
    FOLLOW_UPS,
    D('Renouvellements de contrats', 'Renouvellements avant échéance et propositions pluriannuelles.', [
      'Renouveler le contrat de {client} avant l’échéance',
      'Traiter les vingt renouvellements du mois sans perte de client',
      'Proposer à {client} un renouvellement sur deux ans',
    ]),
    D(
      'Gestes commerciaux jusqu’à 200 €',
      'Compensations accordées par téléphone, jusqu’à 200 € par client.',
      [
        'Décider du geste commercial pour {client} après la panne',
        'Compenser le retard de livraison de {client} par un geste adapté',
        'Traiter les demandes de geste commercial de la semaine',
      ],
    ),
    D('Campagnes d’appels', 'Cibles, scripts et rythme des campagnes d’appels sortants.', [
      'Mener la campagne d’appels de rentrée auprès des clients inactifs',
      'Préparer la liste et le script de la campagne de fin d’année',
      'Appeler les cinquante clients du portefeuille sans contact depuis un an',
    ]),
    D('Argumentaires téléphoniques', 'Accroches, réponses aux objections et scripts de l’équipe.', [
      'Réécrire l’argumentaire de la nouvelle offre d’entretien',
      'Tester deux accroches et garder la plus efficace',
      'Adapter l’argumentaire aux objections sur les prix',
    ]),
    D('Traitement des réclamations', 'Réponses aux réclamations reçues par téléphone ou par le site.', [
      'Répondre aux réclamations en attente sous 48 h',
      'Résoudre la réclamation de {client} sur la facturation',
      'Mettre en place un suivi hebdomadaire des réclamations ouvertes',
    ]),
    D('Ventes complémentaires', 'Options, montées en gamme et ventes additionnelles du portefeuille.', [
      'Proposer l’option maintenance aux clients équipés depuis un an',
      'Conclure la vente complémentaire chez {client}',
      'Identifier dix clients à qui proposer la montée en gamme',
    ]),
  ],
  presales: [
    D('Démonstrations clients', 'Scénarios et animation des démonstrations chez les clients.', [
      'Animer la démonstration chez {client} sans l’appui du responsable',
      'Préparer un scénario de démonstration adapté au métier de {client}',
      'Mettre à jour l’environnement de démonstration avec la nouvelle version',
    ]),
    TENDERS,
    D('Chiffrage des prestations', 'Estimation des jours d’installation, de formation et de paramétrage.', [
      'Chiffrer la mise en place chez {client} et la faire accepter par le client',
      'Mettre à jour la grille de chiffrage des prestations d’installation',
      'Estimer les jours de formation du projet {client}',
    ]),
    D('Maquettes et preuves de concept', 'Maquettes d’intégration et preuves de concept avant signature.', [
      'Livrer une preuve de concept à {client} en trois semaines',
      'Construire la maquette d’intégration avec l’outil de {client}',
      'Présenter la maquette au comité de pilotage de {client}',
    ]),
    D('Formation des commerciaux', 'Ateliers et supports pour les équipes commerciales.', [
      'Former l’équipe PME à la nouvelle version en une demi-journée',
      'Préparer un support sur les questions techniques fréquentes',
      'Animer l’atelier démonstration pour les nouveaux commerciaux',
    ]),
    D('Passage de relais au déploiement', 'Passation des contrats signés à l’équipe de déploiement.', [
      'Organiser le passage de relais du projet {client} à l’équipe déploiement',
      'Rédiger la fiche de passation du contrat {client}',
      'Tenir la réunion de lancement du déploiement chez {client}',
    ]),
  ],
  salesAdmin: [
    DISPUTES,
    D('Avoirs jusqu’à 1 000 €', 'Émission d’avoirs après vérification, jusqu’à 1 000 € par dossier.', [
      'Émettre les avoirs en attente après vérification',
      'Décider de l’avoir pour l’erreur de facturation de {client}',
      'Traiter la demande d’avoir de {client} sous une semaine',
    ]),
    D('Relances de règlements', 'Relances des factures échues et échéanciers de paiement.', [
      'Ramener les impayés de plus de 60 jours sous 20 000 €',
      'Obtenir un échéancier de paiement de {client}',
      'Relancer les factures échues du mois et tenir le tableau à jour',
    ]),
    D('Contrôle des conditions tarifaires', 'Vérification des remises et des conditions saisies.', [
      'Vérifier les conditions tarifaires des commandes du trimestre',
      'Corriger les remises mal saisies sur le compte {client}',
      'Mettre à jour les conditions du contrat cadre de {client} dans l’outil',
    ]),
    D('Délais de traitement des commandes', 'Organisation de la saisie et des commandes urgentes.', [
      'Ramener le délai de saisie des commandes à 24 h',
      'Traiter le pic de commandes de fin de mois sans retard',
      'Proposer un circuit plus court pour les commandes urgentes',
    ]),
    LEAVE,
  ],
  management: [
    HIRING,
    D('Objectifs trimestriels des équipes', 'Répartition et ajustement des objectifs entre les équipes.', [
      'Répartir les objectifs du trimestre entre les membres de l’équipe',
      'Proposer les objectifs de l’équipe pour le prochain trimestre',
      'Ajuster les objectifs après le départ d’un commercial',
    ]),
    D('Budget des salons', 'Choix des salons et dépenses événementielles de la région.', [
      'Choisir les deux salons de l’année dans le budget alloué',
      'Négocier le prix du stand au salon régional',
      'Arbitrer les dépenses événementielles du semestre',
    ]),
    D('Répartition des secteurs', 'Découpage des secteurs et attribution des comptes.', [
      'Redécouper les secteurs après l’arrivée d’un nouveau commercial',
      'Réattribuer les comptes du secteur sud',
      'Proposer une nouvelle répartition des départements entre les équipes',
    ]),
    D('Remises jusqu’à 15 %', 'Remises exceptionnelles et accords cadres, jusqu’à 15 %.', [
      'Conclure l’accord cadre de {client} avec 15 % de remise au plus',
      'Arbitrer la demande de remise exceptionnelle de {client}',
      'Valider les remises exceptionnelles de l’équipe du mois',
    ]),
    D('Comités clients régionaux', 'Préparation et animation des comités avec les clients stratégiques.', [
      'Préparer et animer le comité client de {client}',
      'Présenter le bilan annuel au comité de {client}',
      'Organiser le comité régional des clients stratégiques',
    ]),
    ONBOARDING,
    D('Organisation des séminaires', 'Lieu, budget et programme des séminaires d’équipe.', [
      'Organiser le séminaire d’équipe de septembre',
      'Préparer l’ordre du jour du séminaire commercial',
      'Trouver le lieu et le budget du séminaire de rentrée',
    ]),
  ],
  generic: [
    D('Priorités de la semaine', 'Arbitrage des priorités et du plan de charge de l’équipe.', [
      'Fixer les priorités de l’équipe pour la semaine',
      'Réordonner le plan de charge après l’urgence de lundi',
      'Décider des sujets reportés au mois prochain',
    ]),
    HIRING,
    D('Relations avec les fournisseurs', 'Choix, négociation et suivi des prestataires.', [
      'Renégocier le contrat de prestation avec {client}',
      'Choisir entre deux devis de prestataires',
      'Régler le retard de livraison du fournisseur {client}',
    ]),
    D('Budget jusqu’à 2 000 €', 'Dépenses courantes de l’équipe, jusqu’à 2 000 € par achat.', [
      'Engager les achats de matériel du trimestre dans la limite de 2 000 €',
      'Choisir la formation externe de l’équipe',
      'Décider de l’abonnement à l’outil de suivi',
    ]),
    LEAVE,
    D('Amélioration des processus', 'Simplification des procédures et des circuits internes.', [
      'Simplifier la procédure de validation interne',
      'Supprimer une étape inutile du circuit de traitement',
      'Documenter le processus de passation entre équipes',
    ]),
    ONBOARDING,
    D('Gestion des incidents', 'Pilotage des incidents et retours d’expérience.', [
      'Piloter la résolution de l’incident de mardi et en tirer les enseignements',
      'Mettre en place une astreinte pour les incidents du week-end',
      'Rédiger la procédure de gestion des incidents majeurs',
    ]),
  ],
};

const RISKS = [
  'Le client peut exiger une remise plus forte en fin de négociation.',
  'Délai serré : la décision doit être prise avant la clôture du mois.',
  'Le contact principal part en congé à mi-parcours.',
  'Risque de froisser un client historique.',
  'Les informations du CRM ne sont pas à jour sur ce compte.',
  'La concurrence a fait une offre agressive le mois dernier.',
  'Dépendance à la réponse de l’avant-vente.',
  'Le budget du client n’est pas encore voté.',
  'Première fois sur ce type de dossier.',
  'Plusieurs interlocuteurs chez le client, aux attentes différentes.',
  'Charge de travail déjà élevée ce mois-ci.',
  'Les stocks peuvent ne pas suivre si la commande est importante.',
  'Un ancien litige peut ressurgir pendant la discussion.',
  'Les conditions générales ont changé depuis le dernier contrat.',
  'Le client compare avec une solution moins chère.',
  'Informations techniques encore incomplètes.',
];
const SUPPORT = [
  'Point de 15 minutes chaque lundi si besoin.',
  'Je reste joignable par téléphone pendant le rendez-vous.',
  'Accès au dossier du client et aux anciens échanges.',
  'Je relis la proposition avant envoi si tu me le demandes.',
  'Un binôme avec un collègue qui a déjà mené ce type de dossier.',
  'Modèles de devis et de courriers dans le dossier partagé.',
  'Je préviens le client que tu es désormais son interlocuteur.',
  'Une demi-journée libérée dans ton planning pour préparer.',
  'Je t’accompagne au premier rendez-vous, ensuite tu prends la main.',
  'Budget de déplacement accordé à l’avance.',
  'Accès à l’historique des remises accordées sur le secteur.',
  'Je fais le lien avec la direction régionale si ça bloque.',
  'Le retour d’expérience de la dernière fois est dans le journal d’apprentissage.',
  'L’ADV t’aide à vérifier les conditions tarifaires.',
  'On prépare ensemble la trame, tu décides du reste.',
];
const SUCCESS = [
  'Accord signé avant l’échéance.',
  'Client satisfait : aucune relance de sa part.',
  'Marge préservée au-dessus de 25 %.',
  'Réponse obtenue de tous les clients relancés.',
  'Dossier complet déposé dans les temps.',
  'Aucune réclamation dans le mois qui suit.',
  'Décision prise sans aller-retour supplémentaire.',
  'Le client confirme un prochain rendez-vous.',
  'Délai ramené sous l’objectif fixé.',
  'Compte rendu partagé à l’équipe dans la semaine.',
  'Budget respecté.',
  'Au moins trois opportunités qualifiées.',
  'Retours positifs des participants.',
  'Planning accepté par toute l’équipe.',
  'Impayés en baisse à la fin du mois.',
];
const RESULT_FORMATS = [
  'Compte rendu de cinq lignes dans le CRM.',
  'Un message avec la décision et ses raisons.',
  'Le devis signé et une note sur les concessions.',
  'Tableau de suivi mis à jour.',
  'Une page de synthèse pour l’équipe.',
  'Un point oral de dix minutes en tête-à-tête.',
  'Le dossier déposé et l’accusé de réception.',
  'Le planning partagé dans l’agenda d’équipe.',
  'Une note dans le journal d’apprentissage.',
  'Les chiffres clés et la prochaine étape.',
];

interface AlertSpec {
  condition: string;
  metric: string | null;
  direction: 'above' | 'below' | null;
  limit: number | null;
}
const ALERTS: readonly AlertSpec[] = [
  {
    condition: 'Le client menace de passer à la concurrence',
    metric: 'Remise demandée (%)',
    direction: 'above',
    limit: 12,
  },
  {
    condition: 'La marge descend sous le seuil convenu',
    metric: 'Marge brute (%)',
    direction: 'below',
    limit: 22,
  },
  {
    condition: 'Le retard dépasse ce que le client peut accepter',
    metric: 'Retard de livraison (jours)',
    direction: 'above',
    limit: 10,
  },
  {
    condition: 'Les réclamations s’accumulent',
    metric: 'Réclamations ouvertes',
    direction: 'above',
    limit: 3,
  },
  {
    condition: 'Le budget risque d’être dépassé',
    metric: 'Dépenses engagées (€)',
    direction: 'above',
    limit: 2000,
  },
  {
    condition: 'Le montant impayé augmente',
    metric: 'Impayés du client (€)',
    direction: 'above',
    limit: 15000,
  },
  {
    condition: 'Le taux de réponse de la campagne reste faible',
    metric: 'Taux de réponse (%)',
    direction: 'below',
    limit: 8,
  },
  { condition: 'Trop peu de candidats retenus', metric: 'Candidats retenus', direction: 'below', limit: 2 },
  { condition: 'Le client demande à parler à la direction', metric: null, direction: null, limit: null },
  { condition: 'Un concurrent propose un prix très inférieur', metric: null, direction: null, limit: null },
  { condition: 'Le dossier ne sera pas prêt à temps', metric: null, direction: null, limit: null },
  {
    condition: 'Le client demande un engagement juridique nouveau',
    metric: null,
    direction: null,
    limit: null,
  },
];
const CONDITION_NOTES = [
  'Le client a appelé ce matin : il veut parler à la direction avant de signer.',
  'Le concurrent a proposé 20 % de moins, le client me l’a dit clairement.',
  'Il manque encore deux pièces, le dossier ne partira pas à temps.',
  'Le service juridique du client demande une clause de pénalités.',
  'Le client a reçu une offre concurrente et hésite.',
  'Deux jours de retard sur la partie technique, je préfère prévenir maintenant.',
];
const INDICATOR_NOTES = [
  '',
  '',
  'Chiffre du jour.',
  'Après l’appel avec le client.',
  'Mis à jour depuis le CRM.',
  'Valeur de fin de semaine.',
];

const VALIDATION_STEPS = [
  'Valider le montant de la remise avant d’envoyer l’offre',
  'Relire la proposition tarifaire',
  'Valider le choix du candidat retenu',
  'Confirmer le planning avant de prévenir les clients',
  'Valider le geste commercial proposé',
  'Relire le courrier de réponse au client',
  'Accord sur le calendrier de paiement proposé',
  'Valider la liste des clients à inviter',
  'Relire le mémoire technique avant dépôt',
  'Confirmer la répartition des comptes',
  'Valider les conditions particulières du contrat',
  'Accord sur le budget du stand',
  'Valider le montant de l’avoir',
  'Relire le compte rendu avant diffusion au client',
  'Valider le scénario de démonstration',
  'Accord pour engager la dépense',
  'Valider la réponse à la réclamation',
  'Confirmer la date de lancement avec le client',
  'Relire l’argumentaire avant la campagne',
  'Valider le découpage proposé',
];
const APPROVED_NOTES = [
  'OK pour moi, tu peux envoyer.',
  'Validé. Bonne idée d’avoir prévu une alternative.',
  'C’est bon, vas-y.',
  'Validé ; la prochaine fois, tu peux trancher sans moi sur ce point.',
  'D’accord, rien à redire.',
  'Validé ; pense à mettre le CRM à jour.',
  'Parfait, c’est exactement ce qu’il fallait.',
  'OK. Tu connais mieux le client que moi.',
  'Validé sans réserve.',
  'Bon pour moi, merci d’avoir demandé.',
  'Cohérent avec ce qu’on a fait pour les autres clients : validé.',
  '',
];
const CHANGES_NOTES = [
  'Je garderais deux points de remise pour la fin de la négociation.',
  'Ajoute une date limite de validité à l’offre.',
  'Le ton est un peu sec, adoucis le premier paragraphe.',
  'Vérifie le tarif avec l’ADV avant d’envoyer.',
  'Propose plutôt deux options au client.',
  'Il manque le chiffrage de la formation.',
  'Décale d’une semaine, le client est en inventaire.',
  'Précise les conditions de paiement.',
  'Parlons-en en tête-à-tête avant.',
  'Réduis le périmètre du premier lot.',
];

/** A question from the assignee and the delegator's answer, same index. */
const QUESTIONS = [
  'Jusqu’où puis-je aller si le client refuse la première offre ?',
  'Est-ce que je peux impliquer l’avant-vente dès le premier rendez-vous ?',
  'Qui dois-je prévenir si le client demande un délai de paiement ?',
  'Le budget inclut-il les frais de déplacement ?',
  'Puis-je décaler l’échéance d’une semaine si le client est absent ?',
  'Dois-je te mettre en copie des échanges avec le client ?',
  'Est-ce que le tarif de l’an dernier s’applique encore ?',
  'Que faire si le contact principal n’est plus le décideur ?',
  'Faut-il prévenir le commercial qui suivait ce compte avant ?',
  'Je peux proposer un geste commercial sans t’en parler ?',
  'Quel format préfères-tu pour le compte rendu ?',
  'Est-ce prioritaire par rapport aux relances de fin de mois ?',
  'Est-ce que je peux me faire aider par l’ADV pour les chiffres ?',
  'Que se passe-t-il si la marge passe sous 25 % ?',
  'Puis-je choisir moi-même les clients à inviter ?',
  'À partir de quel montant dois-je demander une validation ?',
  'Peut-on fixer le premier point d’étape un peu plus tôt ?',
  'Est-ce que le client sait que je reprends le dossier ?',
  'Ai-je accès aux anciennes propositions faites à ce client ?',
  'Si le candidat demande plus que la fourchette, je m’arrête là ?',
];
const ANSWERS = [
  'Tu as la main jusqu’à 10 % ; au-delà, appelle-moi avant de répondre.',
  'Oui, implique-les dès le début, ça évitera des allers-retours.',
  'Préviens-moi d’abord, puis l’ADV pour le calendrier.',
  'Oui, les frais de déplacement sont compris.',
  'Oui, décale si besoin, préviens-moi simplement.',
  'Pas nécessaire, un compte rendu à la fin suffit.',
  'Non, les nouveaux tarifs s’appliquent depuis janvier.',
  'Trouve qui décide vraiment et dis-moi si tu veux que je t’appuie.',
  'Oui, un message suffit : il sera content de savoir que c’est repris.',
  'Oui, dans la limite prévue pour le domaine.',
  'Cinq lignes dans le CRM, c’est parfait.',
  'Oui, c’est la priorité de la semaine.',
  'Bien sûr, je les ai prévenus.',
  'C’est le seuil d’alerte : préviens-moi tout de suite dans ce cas.',
  'Oui, tu connais mieux tes clients que moi.',
  'Au-delà de 5 000 €, on en parle ; en dessous, tu décides.',
  'Bonne idée, je l’ajoute sur la fiche.',
  'Oui, je l’ai appelé hier pour le prévenir.',
  'Tout est dans le dossier partagé du compte.',
  'Oui, arrête-toi là et reviens vers moi avec une proposition.',
];
const NOTES = [
  'J’ai prévenu le client du changement d’interlocuteur.',
  'Compte rendu du premier rendez-vous ajouté dans le CRM.',
  'Le client souhaite avancer la date de décision.',
  'Le devis est dans le dossier partagé.',
  'Rendez-vous confirmé pour jeudi matin.',
  'L’ADV a vérifié les conditions, tout est en ordre.',
  'Je serai en déplacement mardi, joignable par téléphone.',
  'Le client a apprécié la proposition, il revient vers nous lundi.',
];

const CHECKPOINT_NOTES = {
  on_track: [
    'Tout avance comme prévu.',
    'Premier rendez-vous fait, le client est réceptif.',
    'Devis envoyé, réponse attendue jeudi.',
    'Dans les temps, rien à signaler.',
    'Les trois relances sont faites, deux réponses positives.',
    'Planning confirmé avec les clients concernés.',
    'La moitié du travail est faite, le reste est calé.',
    'Le client a confirmé son intérêt par écrit.',
    'Pas de difficulté, je termine la semaine prochaine.',
    'Chiffres vérifiés avec l’ADV.',
    'Bon accueil du client, prochaine étape fixée.',
    'Avancement conforme, aucun point bloquant.',
  ],
  at_risk: [
    'Le client tarde à répondre, je relance demain.',
    'Le décideur a changé, je dois refaire une présentation.',
    'Retard d’une semaine sur la partie technique.',
    'Le client demande plus de remise que prévu.',
    'Charge élevée cette semaine, je risque de glisser de quelques jours.',
    'Un concurrent est revenu dans la boucle.',
    'En attente d’une information du service technique.',
    'Le budget du client est gelé jusqu’au prochain comité.',
    'Deux candidats sur trois se sont désistés.',
    'Les stocks ne suffiront peut-être pas pour la date prévue.',
  ],
  off_track: [
    'Le client a reporté sa décision au prochain trimestre.',
    'Impossible de tenir la date : le dossier est incomplet.',
    'Le client menace de partir, j’ai besoin d’en parler.',
    'La marge ne tient pas avec les conditions demandées.',
    'Le fournisseur ne livrera pas à temps.',
    'Le projet est suspendu côté client.',
  ],
} as const;

const RESULT_NOTES = [
  'Contrat signé avec une remise finale de 7 %.',
  'Accord trouvé, le client reste chez nous.',
  'Tous les devis relancés ont eu une réponse : trois signés, deux refusés.',
  'Planning envoyé et accepté par l’équipe.',
  'Dossier déposé deux jours avant la date limite.',
  'Litige clos par un avoir de 350 €.',
  'Candidat retenu, prise de poste le mois prochain.',
  'Démonstration réussie, le client demande une proposition.',
  'Le client a accepté l’échéancier en trois fois.',
  'Salon préparé : stand, planning et invitations envoyés.',
  'Délai ramené à 30 heures en moyenne.',
  'Objectifs répartis et acceptés par chacun.',
  'Maquette livrée et acceptée par le comité de pilotage.',
  'Réclamation résolue, le client a remercié l’équipe.',
  'Campagne terminée : 48 appels, 9 rendez-vous.',
  'Passation faite, l’équipe déploiement a tout en main.',
  'Plan de compte présenté et adopté.',
  'Accord cadre renouvelé pour deux ans.',
  'Budget tenu : 1 850 € dépensés.',
  'Terminé dans les temps, compte rendu dans le CRM.',
];
const DEBRIEF_LEARNED = [
  'Préparer deux scénarios de remise avant le rendez-vous m’a permis de rester serein face aux demandes.',
  'Le client apprécie qu’on vienne avec une proposition écrite plutôt qu’orale.',
  'Je n’avais pas besoin de validation : j’avais tous les éléments pour décider.',
  'Impliquer l’ADV dès le départ évite les erreurs de conditions tarifaires.',
  'Poser la question du budget dès le premier échange fait gagner beaucoup de temps.',
  'Les relances par téléphone marchent mieux que les mails pour ce type de client.',
  'Un point d’étape court chaque semaine suffit à rassurer tout le monde.',
  'Écrire la décision et ses raisons m’a aidé à l’expliquer au client.',
  'Le plus dur était de dire non à une demande de remise : ça s’est bien passé.',
  'Cartographier les décideurs avant la négociation a tout changé.',
  'Je sais maintenant où trouver l’historique des remises du secteur.',
  'Le client compare surtout le service, pas seulement le prix.',
  'Découper le travail en trois étapes l’a rendu beaucoup moins intimidant.',
  'Une trame d’entretien commune rend les candidats comparables.',
  'Proposer deux options au client accélère sa décision.',
  'J’ai appris à chiffrer les prestations de formation.',
  'Annoncer tôt un retard vaut mieux que de le découvrir à l’échéance.',
  'Le seuil d’alerte m’a donné un cadre clair : je savais quand appeler.',
  'Reformuler la demande du client au début a évité un malentendu.',
  'Les collègues de l’avant-vente sont plus disponibles qu’on ne le croit.',
  'Envoyer l’ordre du jour la veille change la qualité de la réunion.',
  'Je peux trancher ce type de dossier, à condition de bien documenter.',
];
const DEBRIEF_DIFFERENTLY = [
  'Je commencerais les relances plus tôt.',
  'J’impliquerais le client final dès le premier rendez-vous.',
  'Je garderais une marge de négociation pour la fin.',
  'Je bloquerais du temps dans mon agenda dès le départ.',
  'Je ferais relire les chiffres par un collègue avant l’envoi.',
  'Je demanderais moins de validations : la plupart étaient inutiles.',
  'Je préparerais un plan B si le décideur est absent.',
  'J’enverrais le compte rendu le jour même.',
  'Je poserais la question du budget plus tôt.',
  'Je préviendrais l’ADV avant la signature.',
  'Je fixerais le premier point d’étape plus tôt.',
  'Je consulterais le journal d’apprentissage avant de commencer.',
  'Je limiterais le nombre d’interlocuteurs chez le client.',
  'Je découperais le dossier en étapes plus petites.',
  'Rien de particulier, je referais pareil.',
  'Je demanderais l’aide de l’avant-vente plus tôt.',
  'J’annoncerais le retard dès le premier signe.',
  'Je testerais l’argumentaire sur deux clients avant de le généraliser.',
  'Je préparerais mieux la question des délais de paiement.',
  'Je vérifierais les stocks avant de promettre une date.',
];
const VALIDATION_WHY = [
  'Premier dossier de ce montant, je voulais un deuxième avis.',
  'Le client demandait une remise au-delà de mon niveau.',
  'Une clause juridique que je ne connaissais pas.',
  'Je voulais m’assurer du calendrier avant de m’engager.',
  'Le client est un compte stratégique de la région.',
  'Il y avait un risque de froisser un client historique.',
  'Les conditions sortaient du cadre habituel.',
  'Par habitude, alors que ce n’était pas nécessaire.',
  'Le budget dépassait ce qui était prévu.',
  'Nouvelle procédure, je préférais vérifier.',
  'Le choix engageait toute l’équipe.',
  'Un doute sur le tarif applicable.',
];
const DECLINE_REASONS = [
  'Je suis déjà sur trois dossiers prioritaires ce mois-ci ; je préfère ne pas le faire à moitié.',
  'Je pars en congé avant l’échéance.',
  'Je connais mal ce client ; un collègue du secteur serait mieux placé.',
  'Le délai me paraît trop court pour bien faire.',
  'Je n’ai pas encore les bases techniques pour ce dossier ; je veux bien le faire en binôme la prochaine fois.',
  'La formation prévue la même semaine m’empêche de m’y consacrer.',
  'Le client a demandé à garder son interlocuteur actuel.',
  'Cette décision relève plutôt de la direction régionale.',
  'Trop proche de la clôture du trimestre pour moi.',
  'Je préfère finir le plan de compte en cours avant de prendre autre chose.',
  'Mon secteur est déjà chargé de salons ce mois-ci.',
  'J’ai un lien personnel avec ce client : mieux vaut que quelqu’un d’autre s’en charge.',
];

const INITIAL_REASONS = [
  'Niveau de départ convenu en réunion d’équipe.',
  'Point de départ fixé ensemble lors du tête-à-tête.',
  'Nouveau domaine pour l’équipe : on commence prudemment.',
  'Niveau de départ, à revoir après les premiers dossiers.',
  'Premier niveau convenu à l’arrivée dans l’équipe.',
  'On démarre à ce niveau le temps de prendre ses marques.',
];
const RAISE_REASONS = [
  'Débrief très solide : la décision était bien argumentée.',
  'Trois dossiers menés sans demande de validation, tous réussis.',
  'Tu as su t’arrêter au bon moment et prévenir quand le seuil a été atteint.',
  'Le cadre tarifaire est maîtrisé, plus besoin de me consulter.',
  'Tu peux décider et m’informer ensuite.',
  'Tu as mené la négociation annuelle sans aide : on passe au niveau suivant.',
  'Retours clients excellents sur les trois derniers dossiers.',
  'Comme convenu en tête-à-tête après le débrief.',
  'Plus aucune validation demandée depuis deux mois, et à raison.',
  'Le seuil d’alerte n’a jamais été franchi : la maîtrise est là.',
  'Bonne gestion du litige, calme et factuelle.',
  'Tu as formé un collègue sur le sujet : prêt pour plus d’autonomie.',
  'Étape suivante logique après le passage de relais du compte.',
  'Tu connais ces clients mieux que moi désormais.',
  'Décisions toujours documentées, je n’ai plus besoin d’être consulté.',
  'Progression régulière depuis le début de l’année.',
  'On essaie le niveau supérieur pendant un trimestre, bilan ensuite.',
  'Débrief honnête sur l’erreur de devis : la leçon est tirée.',
  'Les demandes de validation n’apportaient plus rien : elles étaient toutes approuvées.',
  'Tu prends des initiatives pertinentes sans attendre.',
  'Très bonne préparation des dossiers ces derniers mois.',
  'Le domaine n’a plus de secret pour toi.',
];
const LOWER_REASONS = [
  'Le contexte client a changé : on repasse en consultation le temps du renouvellement.',
  'Nouvelle grille tarifaire : on reprend ensemble les premiers dossiers.',
  'Après l’incident de livraison, on se cale à nouveau ensemble pendant un mois.',
  'Changement de périmètre du domaine, on réajuste le niveau.',
  'Retour de longue absence : on reprend progressivement.',
];

/** Initiative titles and outcomes, same index; `{client}` is replaced. */
const INITIATIVES = [
  ['Relance des devis dormants du secteur', 'Quatre devis réactivés, un signé.'],
  ['Mise à jour des fiches clients après le salon', 'Trente fiches complétées dans le CRM.'],
  ['Création d’un modèle de compte rendu de visite', 'Adopté par deux collègues.'],
  ['Appel de courtoisie aux clients livrés en retard', 'Aucune réclamation ensuite.'],
  ['Regroupement des visites du jeudi par zone', 'Une heure de route gagnée par semaine.'],
  ['Proposition d’un échéancier à {client}', 'Accepté, premier règlement reçu.'],
  ['Fiche d’objections pour la nouvelle offre', 'Partagée avec l’équipe sédentaire.'],
  ['Réponse à une demande de devis urgente un samedi', 'Commande passée lundi matin.'],
  ['Tri des opportunités mortes dans le CRM', 'Douze opportunités closes, prévision assainie.'],
  ['Déjeuner avec trois prospects du secteur', 'Deux rendez-vous obtenus.'],
  ['Geste commercial pour {client} après une panne', 'Client rassuré, contrat renouvelé.'],
  ['Démonstration improvisée en visio pour {client}', 'Le client demande une offre.'],
  ['Liste partagée des retards de livraison', 'Les commerciaux préviennent leurs clients plus tôt.'],
  ['Relecture croisée des devis avec un collègue', 'Aucune erreur de prix ce mois-ci.'],
  ['Contact direct avec le service technique de {client}', 'Le blocage d’installation est levé.'],
  ['Tableau de suivi des impayés par commercial', 'Relances mieux réparties.'],
  ['Visite d’un ancien client perdu', 'Il accepte une nouvelle proposition.'],
  ['Argumentaire prix face au concurrent', 'Utilisé dans trois négociations.'],
  ['Accueil d’un stagiaire pour une journée découverte', 'Retour très positif de l’école.'],
  ['Correction des conditions tarifaires de {client} dans l’outil', 'Factures justes dès ce mois-ci.'],
  ['Atelier de 30 minutes sur la nouvelle version', 'Moins de questions à l’avant-vente.'],
  ['Réponse à la réclamation de {client} le jour même', 'Le client a remercié par écrit.'],
  ['Nouvelle trame pour les appels de renouvellement', 'Taux de renouvellement en hausse.'],
  ['Présentation de l’offre maintenance à {client}', 'Option ajoutée au contrat.'],
  ['Réservation anticipée du stand du salon', 'Tarif préférentiel obtenu.'],
  ['Récapitulatif hebdomadaire des commandes urgentes', 'Plus aucune commande oubliée.'],
] as const;

/** Blame-free error reports: what happened, the effect, what changes. */
const ERRORS = [
  [
    'Devis envoyé avec l’ancien tarif',
    'Le modèle de devis n’était pas à jour. Conséquence : un avoir de 120 €. Ce qui change : le modèle daté est dans le dossier partagé.',
  ],
  [
    'Rendez-vous oublié chez un client',
    'Le rendez-vous pris par téléphone n’était pas dans l’agenda partagé. Le client a accepté de décaler. Désormais, tout rendez-vous est saisi tout de suite.',
  ],
  [
    'Remise accordée deux fois',
    'La remise figurait sur le devis et sur la facture ; l’ADV l’a repéré. Un contrôle est ajouté à la saisie.',
  ],
  [
    'Mauvais interlocuteur relancé',
    'Le contact avait changé de poste. Le CRM est à jour et on vérifie l’interlocuteur avant chaque relance importante.',
  ],
  [
    'Pièce manquante dans une réponse à appel d’offres',
    'L’attestation d’assurance manquait ; dossier complété à temps grâce à l’acheteur. Une liste de contrôle est ajoutée au modèle de réponse.',
  ],
  [
    'Délai promis impossible à tenir',
    'Une date de livraison annoncée sans vérifier les stocks. Le client a été prévenu tôt. À retenir : vérifier le stock avant de promettre.',
  ],
  [
    'Facture adressée à la mauvaise société',
    'Le client a deux sociétés. L’entité de facturation figure désormais sur la fiche client.',
  ],
  [
    'Démonstration sur une version ancienne',
    'L’environnement de démonstration n’avait pas été mis à jour. Une vérification est faite la veille de chaque démonstration.',
  ],
  [
    'Relance envoyée à un client en litige',
    'Le litige n’était pas visible dans le CRM. Les comptes concernés portent maintenant une alerte.',
  ],
  [
    'Proposition envoyée sans la remise négociée',
    'Oubli au moment de la copie, corrigé dans l’heure. Les propositions importantes sont relues par un pair.',
  ],
  [
    'Commande saisie en double',
    'Deux personnes ont traité le même mail. La boîte partagée est désormais répartie par secteur.',
  ],
  [
    'Jours de formation sous-estimés',
    'Deux jours manquaient au chiffrage ; le client a accepté un avenant. La grille de chiffrage est complétée.',
  ],
  [
    'Client non prévenu d’un changement d’interlocuteur',
    'Le client a été surpris. À retenir : toujours un mail de présentation à trois lors d’un passage de relais.',
  ],
  [
    'Invitations au salon envoyées trop tard',
    'Peu de clients étaient disponibles. Le calendrier des invitations est fixé six semaines avant.',
  ],
  ['Taux de TVA erroné sur un avoir', 'Avoir refait le jour même. Un modèle d’avoir par cas est ajouté.'],
  [
    'Appel d’un prospect resté sans suite',
    'Le message s’est perdu entre deux collègues. Chaque appel entrant est noté dans le CRM.',
  ],
  [
    'Tournée prévue un jour férié',
    'Trois rendez-vous à décaler. Les jours fériés sont ajoutés au modèle de planning.',
  ],
  [
    'Conditions d’un ancien contrat reprises par erreur',
    'Le contrat cadre avait été renouvelé. Les anciennes versions sont archivées.',
  ],
  [
    'Seuil d’alerte franchi sans prévenir à temps',
    'La valeur a été saisie trois jours après. À retenir : mettre l’indicateur à jour le jour même.',
  ],
  [
    'Note interne envoyée au client',
    'Le message a été rappelé, sans conséquence. Les notes internes restent dans le CRM, jamais dans les mails.',
  ],
] as const;
const LESSONS = [
  [
    'Deux scénarios avant chaque négociation',
    'Arriver avec une offre cible et une offre de repli évite de céder dans l’urgence.',
  ],
  ['Le compte rendu le jour même', 'Écrit à chaud, il est plus juste et le client le lit encore.'],
  [
    'Demander le budget au premier rendez-vous',
    'La question gêne moins qu’on ne le pense et évite des propositions hors cadre.',
  ],
  [
    'Relire à deux les devis importants',
    'Cinq minutes de relecture croisée évitent la plupart des erreurs de prix.',
  ],
  [
    'Annoncer un retard dès qu’on le voit',
    'Les clients acceptent bien un retard annoncé tôt, jamais un retard découvert.',
  ],
  [
    'Préparer le passage de relais à trois',
    'Un mail de présentation, puis un rendez-vous commun : le client suit sans inquiétude.',
  ],
  [
    'Vérifier le stock avant de promettre',
    'Un coup d’œil à l’outil de stock avant d’annoncer une date évite bien des gestes commerciaux.',
  ],
  [
    'Les objections prix ne portent pas que sur le prix',
    'Derrière « c’est trop cher », il y a souvent une question de délai ou de service.',
  ],
  [
    'Un seuil d’alerte chiffré rassure les deux côtés',
    'On sait quand appeler ; le reste du temps, on avance sans se poser de questions.',
  ],
  ['Demander moins de validations', 'Quand le cadre est clair, décider puis informer fait gagner des jours.'],
  [
    'Garder une trace des remises accordées',
    'L’historique du secteur aide à rester cohérent d’un client à l’autre.',
  ],
  [
    'Impliquer l’avant-vente tôt',
    'Une question technique posée au premier rendez-vous évite une démonstration à refaire.',
  ],
  [
    'Bloquer du temps pour les dossiers délégués',
    'Une demi-journée réservée dans l’agenda vaut mieux que des créneaux grappillés.',
  ],
  ['Consulter le journal avant un dossier nouveau', 'Quelqu’un a souvent déjà rencontré la même difficulté.'],
] as const;
const BRAVOS = [
  'Bravo pour cette négociation menée de bout en bout !',
  'Merci pour la rigueur du dossier, le client l’a remarquée.',
  'Superbe travail sur l’appel d’offres, rendu en avance.',
  'Bravo : le litige est clos et le client reste avec nous.',
  'Merci d’avoir pris ce dossier au pied levé.',
  'Très belle démonstration, toute l’équipe en parle.',
  'Bravo pour ton calme face à un client difficile.',
  'Un grand merci pour le planning, tout le monde s’y retrouve.',
  'Bravo, premier dossier mené en pleine autonomie !',
  'Merci pour le partage de ta méthode avec l’équipe.',
  'Excellent travail de relance, trois signatures à la clé.',
  'Bravo pour l’organisation du salon, une réussite.',
  'Merci d’avoir alerté au bon moment, c’est exactement ce qu’il fallait.',
  'Belle initiative sur les conditions tarifaires.',
  'Bravo pour la qualité du débrief, très utile pour tous.',
  'Merci pour ton implication dans ce recrutement.',
  'Superbe passage de relais, le client est ravi.',
  'Bravo, objectif atteint avant l’échéance.',
  'Merci pour ta patience sur ce dossier compliqué.',
  'Bravo pour cette belle signature !',
];
const REVIEW_NOTES = [
  'RAS, dossier propre.',
  'Très bien documenté.',
  'Décision juste, rien à redire.',
  'À partager en réunion d’équipe comme exemple.',
  'Le compte rendu pourrait être plus précis sur les montants.',
  'Bonne gestion du délai.',
  'Vu, conforme au cadre du domaine.',
  'Remise un peu généreuse mais justifiée.',
  'Débrief à compléter au prochain tête-à-tête.',
  'Parfait.',
  'Client satisfait, à confirmer au prochain point.',
  '',
];
const HANDOVER_NOTES = [
  'Compte historique suivi par la direction depuis dix ans.',
  'Client exigeant sur les délais, très fidèle.',
  'Relation surtout avec le directeur administratif et financier.',
  'Compte en croissance, deux projets en vue.',
  'Renouvellement du contrat cadre dans six mois.',
  'Client sensible au prix, attaché au service.',
  'Trois sites, décisions prises au siège.',
  'Premier client de la région, à traiter avec soin.',
];
const STAGE_NOTES: Record<number, readonly string[]> = {
  1: [
    'A repris le suivi des commandes et des factures.',
    'Prépare les propositions, je les présente encore.',
    'A lu l’historique du compte et les comptes rendus.',
    'Gère les demandes courantes en coulisses.',
    'A préparé la revue annuelle du compte.',
  ],
  2: [
    'Présentation faite lors du déjeuner annuel.',
    'Rendez-vous commun chez le client, bon accueil.',
    'Présentation en visio au directeur des achats.',
    'Visite du site ensemble, le client a posé beaucoup de questions.',
    'Présentation lors du comité trimestriel.',
  ],
  3: [
    'A mené la revue trimestrielle sans que j’intervienne.',
    'A conduit la négociation, je n’ai pris la parole qu’à la fin.',
    'Animation du comité client réussie.',
    'A présenté la nouvelle offre, très à l’aise.',
    'Le client s’adresse déjà spontanément à son nouvel interlocuteur.',
  ],
  4: [
    'Interlocuteur principal désormais, je reste en copie.',
    'Changement annoncé au client par un courrier commun.',
    'Le client a accepté le changement, tout se passe bien.',
    'Passage de relais terminé, je garde un œil sur les grandes décisions.',
    'Contact principal depuis le renouvellement du contrat.',
  ],
};

/** Expected validation requests per card by autonomy level: many at "tell", almost none at "delegate". */
const VALIDATIONS_PER_CARD: Record<number, number> = {
  1: 1.8,
  2: 1.3,
  3: 0.9,
  4: 0.55,
  5: 0.3,
  6: 0.12,
  7: 0.04,
};

const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);
const dayStart = (ms: number) => ms - (((ms % DAY) + DAY) % DAY);
/** Monday 00:00 UTC of the week of `ms`. */
const mondayOf = (ms: number) => dayStart(ms) - ((new Date(ms).getUTCDay() + 6) % 7) * DAY;
const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

// ── Builder ─────────────────────────────────────────────────────────────────────────────────────

interface LevelState {
  personId: string;
  domainId: string;
  level: number | null;
  changedMs: number;
  /** Debriefed cards in this domain since the last change, oldest first. */
  pending: { cardId: string; debriefMs: number }[];
  eligible: string[];
}

interface InboxEvent {
  to: string;
  from: string;
  kind: string;
  atMs: number;
  cardId: string | null;
  outcome: string;
  extra?: Record<string, string | number>;
}

export function buildDelegationHistory(opts: DelegationHistoryOptions): DelegationRows {
  const { orgId, now, weeks, rng } = opts;
  const light = opts.light ?? false;
  const rows: DelegationRows = {
    domains: [],
    teamSettings: [],
    cards: [],
    checkpoints: [],
    messages: [],
    validations: [],
    indicatorValues: [],
    levels: [],
    levelChanges: [],
    initiatives: [],
    concluded: [],
    samples: [],
    sampleItems: [],
    handovers: [],
    handoverStages: [],
    learning: [],
    bravos: [],
    notifications: [],
    showcase: [],
  };
  const nowMs = now.getTime();
  const today = isoDay(nowMs);
  // Monday 00:00 UTC of the current week: history runs from `weeks` Mondays before it.
  const thisMonday = mondayOf(nowMs);
  const startMs = thisMonday - weeks * WEEK;
  const events: InboxEvent[] = [];
  /** Level states of every (person, domain), those with a level per person, and each domain's team. */
  const allStates = new Map<string, LevelState>();
  const leveled = new Map<string, LevelState[]>();
  const leadOfDomain = new Map<string, string>();
  const domainName = new Map<string, string>();
  const statesByKey = (personId: string, domainId: string) => allStates.get(`${personId}|${domainId}`);
  const id = () => crypto.randomUUID();
  const client = () => rng.pick(CLIENTS);
  const fill = (text: string) => text.replaceAll('{client}', client());
  /** A working-hours instant on the day of `ms` (never after now). */
  const workTime = (ms: number) => Math.min(dayStart(ms) + rng.int(7 * 60, 17 * 60) * 60_000, nowMs - 60_000);

  for (const team of opts.teams) {
    const { leadId } = team;
    const members = [...team.memberIds];
    if (members.length === 0) continue;
    const pool = DOMAIN_POOLS[team.kind];
    // A sales team always delegates discounts (the classic first domain); the rest is drawn.
    const specs = [
      ...pool.filter((spec) => spec === DISCOUNTS),
      ...rng.shuffle(pool.filter((spec) => spec !== DISCOUNTS)),
    ].slice(0, Math.min(pool.length, light ? rng.int(3, 4) : rng.int(3, 6)));
    const domainsCreatedMs = startMs - rng.int(3, 20) * DAY;
    const domains = specs.map((spec) => {
      const row: Insertable<DlDomainTable> = {
        id: id(),
        org_id: orgId,
        team_lead_id: leadId,
        name: spec.name,
        description: rng.next() < 0.85 ? spec.description : '',
        archived: 0,
        created_at: iso(domainsCreatedMs + rng.int(0, 60) * 60_000),
      };
      rows.domains.push(row);
      leadOfDomain.set(row.id, leadId);
      domainName.set(row.id, spec.name);
      return { row, spec };
    });
    // A domain retired along the way, still visible in the history.
    if (!light && domains.length >= 5 && rng.next() < 0.3) domains[domains.length - 1]!.row.archived = 1;
    const active = domains.filter((d) => d.row.archived === 0);
    let share = DEFAULT_SHARE;
    if (rng.next() < 0.3) {
      share = rng.pick([0.1, 0.15, 0.25, 0.3, 0.5]);
      rows.teamSettings.push({
        team_lead_id: leadId,
        org_id: orgId,
        sample_share: share,
        updated_at: iso(domainsCreatedMs + DAY),
      });
    }

    // Starting levels: low (2–3), a 4 for a few seasoned members, a few blanks set later.
    const states = new Map<string, LevelState>();
    for (const personId of members) {
      const seasoned = rng.next() < 0.2;
      for (const d of domains) {
        const st: LevelState = {
          personId,
          domainId: d.row.id,
          level: null,
          changedMs: startMs,
          pending: [],
          eligible: [],
        };
        states.set(`${personId}|${d.row.id}`, st);
        allStates.set(`${personId}|${d.row.id}`, st);
        if (rng.next() < 0.1) continue;
        const level = seasoned ? rng.pick([3, 4, 4]) : rng.pick([2, 2, 3, 3, 3]);
        changeLevel(st, level, domainsCreatedMs + rng.int(1, 5) * DAY, rng.pick(INITIAL_REASONS), null);
      }
    }
    // Each member works more in some domains than others.
    const affinity = new Map(members.map((m) => [m, rng.shuffle(active)]));
    const domainFor = (personId: string) => {
      const list = affinity.get(personId)!;
      if (list.length === 0) return null;
      const r = rng.next();
      return (r < 0.45 ? list[0] : r < 0.7 ? list[1 % list.length] : rng.pick(list))!;
    };

    const teamCards: { id: string; doneMs: number | null }[] = [];
    const cardRate = light ? 0.14 : 0.3;

    for (let w = 0; w <= weeks; w++) {
      const weekMs = startMs + w * WEEK;
      if (weekMs > nowMs) break;
      // 1. Levels move after debriefs: at least two debriefed cards and six weeks since the last change.
      for (const st of states.values()) {
        while (st.pending.length > 0 && st.pending[0]!.debriefMs < weekMs)
          st.eligible.push(st.pending.shift()!.cardId);
        const changeMs = weekMs + rng.int(0, 4) * DAY + rng.int(8, 17) * HOUR;
        if (changeMs >= nowMs) continue;
        if (st.level === null) {
          if (rng.next() < 0.04) changeLevel(st, rng.pick([2, 3]), changeMs, rng.pick(INITIAL_REASONS), null);
          continue;
        }
        if (st.level > 2 && rng.next() < 0.0008) {
          changeLevel(st, st.level - 1, changeMs, rng.pick(LOWER_REASONS), null);
          continue;
        }
        const ready = st.eligible.length >= 2 && weekMs - st.changedMs >= 6 * WEEK && st.level < 7;
        if (!ready || rng.next() >= (st.level >= 6 ? 0.1 : 0.35)) continue;
        const linked = rng.next() < 0.7 ? st.eligible[st.eligible.length - 1]! : null;
        changeLevel(st, st.level + 1, changeMs, rng.pick(RAISE_REASONS), linked);
      }
      // 2. Delegation cards handed out this week.
      for (const personId of members) {
        if (rng.next() >= cardRate) continue;
        const createdMs = weekMs + rng.int(0, 4) * DAY + rng.int(8 * 60, 17 * 60) * 60_000;
        if (createdMs >= nowMs - HOUR) continue;
        const domain = rng.next() < 0.93 ? domainFor(personId) : null;
        const card = addCard(leadId, personId, domain, createdMs);
        teamCards.push(card);
      }
      // 3. Initiatives: more frequent, and less often validated, as levels rise.
      for (const personId of members) {
        const lv = meanLevel(personId);
        if (rng.next() >= (light ? 0.03 : 0.06) * (lv / 2)) continue;
        const day = weekMs + rng.int(0, 4) * DAY;
        if (day > nowMs) continue;
        const domain = rng.next() < 0.85 ? domainFor(personId) : null;
        const level = (domain ? statesByKey(personId, domain.row.id)?.level : null) ?? lv;
        addInitiative(
          personId,
          domain?.row.id ?? null,
          day,
          rng.next() < Math.max(0.05, 0.92 - 0.14 * level),
        );
      }
      // 4. Errors and lessons in the learning log, without blame.
      if (!light && rng.next() < 0.07) {
        const author = rng.pick(members);
        const [title, body] = rng.pick(ERRORS);
        const d = domainFor(author);
        addLearning(
          author,
          leadId,
          null,
          d?.row.id ?? null,
          'error',
          title,
          body,
          workTime(weekMs + rng.int(0, 4) * DAY),
          rng.next() < 0.25,
        );
      }
      if (!light && rng.next() < 0.04) {
        const author = rng.next() < 0.5 ? leadId : rng.pick(members);
        const [title, body] = rng.pick(LESSONS);
        addLearning(
          author,
          leadId,
          null,
          rng.next() < 0.6 ? (domainFor(rng.pick(members))?.row.id ?? null) : null,
          'lesson',
          title,
          body,
          workTime(weekMs + rng.int(0, 4) * DAY),
          false,
        );
      }
    }

    // Showcase cards, after the history so they are the freshest.
    for (const personId of members) {
      if (opts.showcaseFor?.includes(personId)) addShowcase(leadId, personId, domainFor(personId));
    }

    // Current levels.
    for (const st of states.values()) {
      if (st.level === null) continue;
      rows.levels.push({
        org_id: orgId,
        person_id: st.personId,
        domain_id: st.domainId,
        level: st.level,
        updated_at: iso(st.changedMs),
      });
    }

    if (light) continue;

    // Weekly review samples of past weeks, drawn as the server draws them (the current week is left to it).
    for (let weekMs = startMs + WEEK; weekMs < thisMonday; weekMs += WEEK) {
      const poolIds = teamCards
        .filter((c) => c.doneMs !== null && c.doneMs >= weekMs - WEEK && c.doneMs < weekMs)
        .map((c) => c.id);
      if (poolIds.length === 0) continue;
      const drawnMs = weekMs + rng.int(0, 2) * DAY + rng.int(7, 10) * HOUR;
      const { seed, weekStart } = sampleSeed(leadId, new Date(drawnMs));
      const sampleId = id();
      rows.samples.push({
        id: sampleId,
        org_id: orgId,
        manager_id: leadId,
        week_start: weekStart,
        seed,
        share,
        pool_size: poolIds.length,
        drawn_at: iso(Math.min(drawnMs, nowMs - HOUR)),
      });
      const recent = weekMs >= thisMonday - WEEK;
      for (const cardId of drawSample(poolIds, share, seed)) {
        const reviewedMs = drawnMs + rng.int(1, 96) * HOUR;
        const reviewed = reviewedMs < nowMs && rng.next() < (recent ? 0.35 : 0.8);
        rows.sampleItems.push({
          sample_id: sampleId,
          card_id: cardId,
          reviewed_at: reviewed ? iso(reviewedMs) : null,
          review_note: reviewed ? rng.pick(REVIEW_NOTES) : '',
        });
      }
    }

    // Client handovers at every stage, for teams that own client accounts.
    const handoverCount =
      team.kind === 'keyAccounts'
        ? rng.int(2, 4)
        : team.kind === 'field' || team.kind === 'inside'
          ? rng.int(1, 3)
          : team.kind === 'management'
            ? rng.int(0, 1)
            : 0;
    const accounts = rng.shuffle(CLIENTS).slice(0, handoverCount);
    for (const account of accounts) addHandover(leadId, rng.pick(members), account);
  }

  if (opts.names) buildInbox(opts.names);
  return rows;

  // ── helpers (closures over rows, rng and now) ──

  function meanLevel(personId: string): number {
    const list = leveled.get(personId) ?? [];
    let sum = 0;
    for (const st of list) sum += st.level!;
    return list.length === 0 ? 2 : sum / list.length;
  }

  function changeLevel(st: LevelState, level: number, atMs: number, reason: string, cardId: string | null) {
    const leadId = leadOfDomain.get(st.domainId)!;
    rows.levelChanges.push({
      id: id(),
      org_id: orgId,
      person_id: st.personId,
      domain_id: st.domainId,
      from_level: st.level,
      to_level: level,
      reason,
      card_id: cardId,
      changed_by: leadId,
      changed_at: iso(atMs),
    });
    if (st.level === null) leveled.set(st.personId, [...(leveled.get(st.personId) ?? []), st]);
    if (st.level !== null && level > st.level)
      event(st.personId, leadId, 'delegation.levelRaised', atMs, null, '', {
        domain: domainName.get(st.domainId)!,
        level,
      });
    st.level = level;
    st.changedMs = atMs;
    st.eligible = [];
  }

  function addCard(
    delegatorId: string,
    assigneeId: string,
    domain: { row: Insertable<DlDomainTable>; spec: DomainSpec } | null,
    createdMs: number,
  ): { id: string; doneMs: number | null } {
    const cardId = id();
    const st = domain ? statesByKey(assigneeId, domain.row.id) : null;
    const current = st?.level ?? 2;
    const level = clamp(current + (rng.next() < 0.2 ? 1 : 0) - (rng.next() < 0.05 ? 1 : 0), 1, 7);
    const outcome = fill(
      domain ? rng.pick(domain.spec.outcomes) : rng.pick(rng.pick(DOMAIN_POOLS.generic).outcomes),
    );
    const spanDays = rng.int(7, 35);
    const dueMs = createdMs + spanDays * DAY;
    const declined = rng.next() < 0.05;
    // Recent cards: some still wait for an answer, some are accepted and not started yet.
    const recent = createdMs > nowMs - 12 * DAY;
    const waiting = recent && rng.next() < 0.4;
    const notStarted = recent && !waiting && rng.next() < 0.25;
    const asks = !light && rng.next() < (waiting ? 0.65 : 0.3);
    const acceptedMs = waiting ? nowMs + DAY : createdMs + rng.int(2, asks ? 72 : 40) * HOUR;
    const startedMs = notStarted ? nowMs + DAY : acceptedMs + rng.int(0, 48) * HOUR;
    const doneMs = Math.max(dueMs + rng.int(-6, 3) * DAY + rng.int(-4, 4) * HOUR, startedMs + DAY);
    const stalled = rng.next() < 0.03 && dueMs > nowMs - 5 * WEEK;
    const troubled = rng.next() < 0.18;
    const declineMs = createdMs + rng.int(4, 72) * HOUR;

    let status: string;
    if (declined) status = declineMs < nowMs ? 'declined' : 'proposed';
    else if (nowMs < acceptedMs) status = 'proposed';
    else if (nowMs < startedMs) status = 'accepted';
    else if (nowMs < doneMs || stalled) status = 'in_progress';
    else status = 'done';
    const isDone = status === 'done';
    const workEnd = isDone ? doneMs : nowMs;

    const alert = !light && rng.next() < 0.55 ? rng.pick(ALERTS) : null;
    const row: Insertable<DlCardTable> = {
      id: cardId,
      org_id: orgId,
      delegator_id: delegatorId,
      assignee_id: assigneeId,
      domain_id: domain?.row.id ?? null,
      outcome,
      due_on: isoDay(dueMs),
      risks: light || rng.next() < 0.25 ? '' : rng.pick(RISKS),
      support: light || rng.next() < 0.3 ? '' : rng.pick(SUPPORT),
      success_indicators: light || rng.next() < 0.2 ? '' : rng.pick(SUCCESS),
      result_format: light || rng.next() < 0.35 ? '' : rng.pick(RESULT_FORMATS),
      level,
      alert_condition: alert?.condition ?? '',
      alert_metric: alert?.metric ?? null,
      alert_direction: alert?.direction ?? null,
      alert_limit: alert?.limit ?? null,
      alert_notify_id: alert ? delegatorId : null,
      alert_raised_at: null,
      alert_raised_value: null,
      alert_raised_by_condition: 0,
      status,
      decline_reason: status === 'declined' ? rng.pick(DECLINE_REASONS) : null,
      accepted_at: ['accepted', 'in_progress', 'done'].includes(status) ? iso(acceptedMs) : null,
      started_at: status === 'in_progress' || isDone ? iso(startedMs) : null,
      done_at: isDone ? iso(doneMs) : null,
      result_note: isDone && rng.next() < 0.85 ? rng.pick(RESULT_NOTES) : '',
      debrief_learned: null,
      debrief_differently: null,
      debrief_validation_asked: null,
      debrief_validation_why: null,
      debriefed_at: null,
      validation_requests: 0,
      created_at: iso(createdMs),
      updated_at: iso(createdMs),
    };
    rows.cards.push(row);
    let lastMs = createdMs;
    const touch = (ms: number) => {
      lastMs = Math.max(lastMs, ms);
    };
    event(assigneeId, delegatorId, 'delegation.proposed', createdMs, cardId, outcome);

    // Questions before accepting, answered on the card.
    if (asks) {
      const k = rng.int(0, QUESTIONS.length - 1);
      const askedMs = createdMs + rng.int(1, 20) * HOUR;
      if (askedMs < nowMs) {
        addMessage(cardId, assigneeId, 'question', QUESTIONS[k]!, askedMs);
        touch(askedMs);
        event(delegatorId, assigneeId, 'delegation.question', askedMs, cardId, outcome);
        const answeredMs = askedMs + rng.int(1, 30) * HOUR;
        const answerBefore = status === 'proposed' || status === 'declined' ? nowMs : acceptedMs;
        if (answeredMs < answerBefore && !(status === 'proposed' && rng.next() < 0.35)) {
          addMessage(cardId, delegatorId, 'answer', ANSWERS[k]!, answeredMs);
          touch(answeredMs);
          event(assigneeId, delegatorId, 'delegation.answer', answeredMs, cardId, outcome);
        }
      }
    }
    if (status === 'declined') {
      touch(declineMs);
      event(delegatorId, assigneeId, 'delegation.declined', declineMs, cardId, outcome);
    }
    if (row.accepted_at) {
      touch(acceptedMs);
      event(delegatorId, assigneeId, 'delegation.accepted', acceptedMs, cardId, outcome);
    }

    // Checkpoints on fixed dates between the start and the due date.
    const n = light ? 1 : rng.int(1, 3);
    for (let i = 1; i <= n; i++) {
      const cpMs = createdMs + Math.round((i * spanDays) / (n + 1)) * DAY;
      const dueOn = isoDay(cpMs);
      const reached = row.started_at !== null && dueOn < today && cpMs < workEnd;
      const posted = reached && rng.next() < (isDone ? 0.88 : 0.7);
      const status = posted ? checkpointStatus(troubled) : null;
      const postedMs = workTime(cpMs);
      rows.checkpoints.push({
        id: id(),
        org_id: orgId,
        card_id: cardId,
        due_on: dueOn,
        status,
        note: status ? rng.pick(CHECKPOINT_NOTES[status]) : '',
        posted_at: status ? iso(postedMs) : null,
        posted_by: status ? assigneeId : null,
      });
      if (status) touch(postedMs);
    }

    if (row.started_at) {
      // Validation requests: many at low levels, rare at high ones.
      const count = Math.min(3, poisson(VALIDATIONS_PER_CARD[level]!));
      for (let i = 0; i < count; i++) {
        const askedMs = startedMs + Math.round(((i + rng.next()) / count) * (workEnd - startedMs) * 0.8);
        if (askedMs >= nowMs) continue;
        let answeredMs: number | null = askedMs + rng.int(1, 30) * HOUR;
        if (isDone) answeredMs = Math.min(answeredMs, doneMs - HOUR);
        if (answeredMs >= nowMs || answeredMs <= askedMs) answeredMs = isDone ? askedMs + 30 * 60_000 : null;
        // In progress: a request of the last few days often still waits for its answer.
        if (!isDone && askedMs > nowMs - 4 * DAY && rng.next() < 0.6) answeredMs = null;
        const approved = rng.next() < 0.8;
        rows.validations.push({
          id: id(),
          org_id: orgId,
          card_id: cardId,
          step: rng.pick(VALIDATION_STEPS),
          asked_by: assigneeId,
          asked_at: iso(askedMs),
          answer: answeredMs === null ? null : approved ? 'approved' : 'changes_requested',
          answer_note: answeredMs === null ? '' : rng.pick(approved ? APPROVED_NOTES : CHANGES_NOTES),
          answered_by: answeredMs === null ? null : delegatorId,
          answered_at: answeredMs === null ? null : iso(answeredMs),
        });
        row.validation_requests = Number(row.validation_requests) + 1;
        touch(answeredMs ?? askedMs);
        event(delegatorId, assigneeId, 'delegation.validationRequested', askedMs, cardId, outcome);
        if (answeredMs !== null)
          event(assigneeId, delegatorId, 'delegation.validationAnswered', answeredMs, cardId, outcome);
      }
      // A working note now and then.
      if (!light && rng.next() < 0.15) {
        const atMs = startedMs + rng.next() * (workEnd - startedMs);
        addMessage(cardId, rng.next() < 0.7 ? assigneeId : delegatorId, 'note', rng.pick(NOTES), atMs);
        touch(atMs);
      }
      // Indicator values and, rarely, an alert: a value beyond the limit or the condition marked as met.
      if (alert?.metric && !light) {
        const values = rng.int(1, 3);
        const crosses = rng.next() < 0.07;
        for (let i = 0; i < values; i++) {
          const atMs = startedMs + ((i + 1) / (values + 1)) * (workEnd - startedMs);
          const beyond = crosses && i === values - 1;
          const value = indicatorValue(alert, beyond);
          rows.indicatorValues.push({
            id: id(),
            org_id: orgId,
            card_id: cardId,
            value,
            note: rng.pick(INDICATOR_NOTES),
            beyond_limit: beyond ? 1 : 0,
            recorded_by: assigneeId,
            recorded_at: iso(atMs),
          });
          touch(atMs);
          if (beyond) {
            row.alert_raised_at = iso(atMs);
            row.alert_raised_value = value;
            event(delegatorId, assigneeId, 'delegation.alert', atMs, cardId, outcome, {
              condition: alert.condition,
              metric: alert.metric,
              value,
              limit: alert.limit!,
            });
          }
        }
      } else if (alert && !light && rng.next() < 0.05) {
        const atMs = startedMs + rng.next() * (workEnd - startedMs);
        row.alert_raised_at = iso(atMs);
        row.alert_raised_by_condition = 1;
        addMessage(cardId, assigneeId, 'note', rng.pick(CONDITION_NOTES), atMs);
        touch(atMs);
        event(delegatorId, assigneeId, 'delegation.alert', atMs, cardId, outcome, {
          condition: alert.condition,
          metric: '',
          value: '',
          limit: '',
        });
      }
    }

    if (!isDone) {
      row.updated_at = iso(lastMs);
      return { id: cardId, doneMs: null };
    }

    // Done: counted by the autonomy indicator, then usually debriefed.
    touch(doneMs);
    const asked = Number(row.validation_requests) > 0;
    rows.concluded.push({
      org_id: orgId,
      person_id: assigneeId,
      source: 'card',
      source_id: cardId,
      concluded_at: iso(doneMs),
      without_validation: asked ? 0 : 1,
    });
    event(delegatorId, assigneeId, 'delegation.done', doneMs, cardId, outcome);
    const debriefMs = doneMs + rng.int(2, 120) * HOUR;
    if (debriefMs < nowMs && rng.next() < 0.85) {
      const learned = rng.pick(DEBRIEF_LEARNED);
      const differently = rng.next() < 0.8 ? rng.pick(DEBRIEF_DIFFERENTLY) : '';
      const why = asked ? rng.pick(VALIDATION_WHY) : '';
      row.debrief_learned = learned;
      row.debrief_differently = differently;
      row.debrief_validation_asked = asked ? 1 : 0;
      row.debrief_validation_why = why;
      row.debriefed_at = iso(debriefMs);
      touch(debriefMs);
      event(delegatorId, assigneeId, 'delegation.debriefed', debriefMs, cardId, outcome);
      if (st) st.pending.push({ cardId, debriefMs });
      // The server records every debrief in the learning log (private when the author did not share it).
      if (!light) {
        const body = [learned, differently, why].filter(Boolean).join('\n\n');
        addLearning(
          assigneeId,
          delegatorId,
          cardId,
          domain?.row.id ?? null,
          'debrief',
          outcome,
          body,
          debriefMs,
          rng.next() < 0.12,
        );
      }
      if (!light && rng.next() < 0.12) {
        const bravoMs = Math.min(debriefMs + rng.int(1, 30) * HOUR, nowMs - 60_000);
        rows.bravos.push({
          id: id(),
          org_id: orgId,
          card_id: cardId,
          from_id: delegatorId,
          to_id: assigneeId,
          team_lead_id: delegatorId,
          message: rng.pick(BRAVOS),
          created_at: iso(bravoMs),
        });
        event(assigneeId, delegatorId, 'delegation.bravo', bravoMs, cardId, outcome);
      }
    }
    row.updated_at = iso(lastMs);
    return { id: cardId, doneMs };
  }

  /** An in-progress card with one checkpoint posted, one missed yesterday, one ahead; a question, a validation. */
  function addShowcase(
    delegatorId: string,
    assigneeId: string,
    domain: { row: Insertable<DlDomainTable>; spec: DomainSpec } | null,
  ) {
    const cardId = id();
    const createdMs = dayStart(nowMs) - 12 * DAY + 9 * HOUR;
    const acceptedMs = createdMs + 20 * HOUR;
    const startedMs = acceptedMs + 22 * HOUR;
    const level = clamp((domain ? statesByKey(assigneeId, domain.row.id)?.level : null) ?? 3, 1, 7);
    const alert = ALERTS[0]!;
    const outcome = fill(
      domain ? rng.pick(domain.spec.outcomes) : 'Mener le renouvellement du contrat de {client}',
    );
    rows.cards.push({
      id: cardId,
      org_id: orgId,
      delegator_id: delegatorId,
      assignee_id: assigneeId,
      domain_id: domain?.row.id ?? null,
      outcome,
      due_on: isoDay(nowMs + 16 * DAY),
      risks: rng.pick(RISKS),
      support: rng.pick(SUPPORT),
      success_indicators: rng.pick(SUCCESS),
      result_format: rng.pick(RESULT_FORMATS),
      level,
      alert_condition: alert.condition,
      alert_metric: alert.metric,
      alert_direction: alert.direction,
      alert_limit: alert.limit,
      alert_notify_id: delegatorId,
      alert_raised_at: null,
      alert_raised_value: null,
      alert_raised_by_condition: 0,
      status: 'in_progress',
      decline_reason: null,
      accepted_at: iso(acceptedMs),
      started_at: iso(startedMs),
      done_at: null,
      result_note: '',
      debrief_learned: null,
      debrief_differently: null,
      debrief_validation_asked: null,
      debrief_validation_why: null,
      debriefed_at: null,
      validation_requests: 1,
      created_at: iso(createdMs),
      updated_at: iso(nowMs - 2 * DAY),
    });
    addMessage(cardId, assigneeId, 'question', QUESTIONS[0]!, createdMs + 3 * HOUR);
    addMessage(cardId, delegatorId, 'answer', ANSWERS[0]!, createdMs + 6 * HOUR);
    // A proposed card the assignee asked about two days ago, answered the next morning: there is always one
    // conversation before acceptance to show, whatever the time of day the history is built.
    const proposedId = id();
    const proposedMs = dayStart(nowMs) - 3 * DAY + 9 * HOUR;
    rows.cards.push({
      ...rows.cards[rows.cards.length - 1]!,
      id: proposedId,
      outcome: fill('Préparer le rendez-vous annuel avec {client}'),
      status: 'proposed',
      accepted_at: null,
      started_at: null,
      validation_requests: 0,
      created_at: iso(proposedMs),
      updated_at: iso(proposedMs + 25 * HOUR),
    });
    addMessage(proposedId, assigneeId, 'question', QUESTIONS[1 % QUESTIONS.length]!, proposedMs + 5 * HOUR);
    addMessage(proposedId, delegatorId, 'answer', ANSWERS[1 % ANSWERS.length]!, proposedMs + 25 * HOUR);
    const checkpointIds: string[] = [];
    for (const [offset, posted] of [
      [-6, true],
      [-1, false],
      [6, false],
    ] as const) {
      const cpId = id();
      checkpointIds.push(cpId);
      const cpMs = dayStart(nowMs) + offset * DAY;
      rows.checkpoints.push({
        id: cpId,
        org_id: orgId,
        card_id: cardId,
        due_on: isoDay(cpMs),
        status: posted ? 'on_track' : null,
        note: posted ? rng.pick(CHECKPOINT_NOTES.on_track) : '',
        posted_at: posted ? iso(cpMs + 10 * HOUR) : null,
        posted_by: posted ? assigneeId : null,
      });
    }
    rows.indicatorValues.push({
      id: id(),
      org_id: orgId,
      card_id: cardId,
      value: 8,
      note: 'Première demande du client.',
      beyond_limit: 0,
      recorded_by: assigneeId,
      recorded_at: iso(startedMs + 2 * DAY),
    });
    rows.validations.push({
      id: id(),
      org_id: orgId,
      card_id: cardId,
      step: VALIDATION_STEPS[0]!,
      asked_by: assigneeId,
      asked_at: iso(nowMs - 3 * DAY),
      answer: 'approved',
      answer_note: APPROVED_NOTES[3]!,
      answered_by: delegatorId,
      answered_at: iso(nowMs - 2 * DAY),
    });
    event(assigneeId, delegatorId, 'delegation.validationAnswered', nowMs - 2 * DAY, cardId, outcome);
    rows.showcase.push({ cardId, delegatorId, assigneeId, checkpointIds });
  }

  function addInitiative(personId: string, domainId: string | null, dayMs: number, validationAsked: boolean) {
    const [title, outcome] = rng.pick(INITIATIVES);
    const concludedOn = isoDay(dayMs);
    const initiativeId = id();
    rows.initiatives.push({
      id: initiativeId,
      org_id: orgId,
      person_id: personId,
      domain_id: domainId,
      title: fill(title),
      outcome: rng.next() < 0.8 ? outcome : '',
      validation_asked: validationAsked ? 1 : 0,
      concluded_on: concludedOn,
      created_at: iso(Math.min(workTime(dayMs) + rng.int(0, 2) * DAY, nowMs - 60_000)),
    });
    // As the server records it: noon UTC of the day it was concluded.
    rows.concluded.push({
      org_id: orgId,
      person_id: personId,
      source: 'initiative',
      source_id: initiativeId,
      concluded_at: `${concludedOn}T12:00:00.000Z`,
      without_validation: validationAsked ? 0 : 1,
    });
  }

  function addLearning(
    authorId: string,
    teamLeadId: string,
    cardId: string | null,
    domainId: string | null,
    kind: 'debrief' | 'error' | 'lesson',
    title: string,
    body: string,
    atMs: number,
    isPrivate: boolean,
  ) {
    rows.learning.push({
      id: id(),
      org_id: orgId,
      author_id: authorId,
      team_lead_id: teamLeadId,
      card_id: cardId,
      domain_id: domainId,
      kind,
      title,
      body,
      private: isPrivate ? 1 : 0,
      search_text: foldForSearch(`${title} ${body}`),
      created_at: iso(atMs),
    });
  }

  function addMessage(
    cardId: string,
    authorId: string,
    kind: 'question' | 'answer' | 'note',
    body: string,
    atMs: number,
  ) {
    rows.messages.push({
      id: id(),
      org_id: orgId,
      card_id: cardId,
      author_id: authorId,
      kind,
      body,
      created_at: iso(atMs),
    });
  }

  function addHandover(managerId: string, memberId: string, account: string) {
    const handoverId = id();
    const earliest = Math.max(startMs, nowMs - 40 * WEEK);
    const createdMs = workTime(earliest + rng.next() * Math.max(0, nowMs - 2 * WEEK - earliest));
    const target = rng.pick([0, 1, 1, 2, 2, 3, 3, 4, 4, 4]);
    let plannedMs = createdMs + rng.int(1, 2) * WEEK;
    let lastMs = createdMs;
    let done = true;
    for (let stage = 1; stage <= 4; stage++) {
      const doneMs = plannedMs + rng.int(-3, 5) * DAY;
      done = done && stage <= target && doneMs < nowMs;
      if (done) lastMs = doneMs;
      rows.handoverStages.push({
        handover_id: handoverId,
        stage,
        planned_on: isoDay(plannedMs),
        done_on: done ? isoDay(doneMs) : null,
        note: done ? rng.pick(STAGE_NOTES[stage]!) : '',
      });
      plannedMs += rng.int(3, 8) * WEEK;
    }
    rows.handovers.push({
      id: handoverId,
      org_id: orgId,
      manager_id: managerId,
      member_id: memberId,
      account,
      note: rng.next() < 0.8 ? rng.pick(HANDOVER_NOTES) : '',
      created_at: iso(createdMs),
      updated_at: iso(Math.min(Math.max(lastMs, createdMs), nowMs - 60_000)),
    });
  }

  function checkpointStatus(troubled: boolean): 'on_track' | 'at_risk' | 'off_track' {
    const r = rng.next();
    if (troubled) return r < 0.35 ? 'on_track' : r < 0.8 ? 'at_risk' : 'off_track';
    return r < 0.88 ? 'on_track' : r < 0.98 ? 'at_risk' : 'off_track';
  }

  function indicatorValue(alert: AlertSpec, beyond: boolean): number {
    const limit = alert.limit!;
    const factor =
      alert.direction === 'above'
        ? beyond
          ? 1.1 + rng.next() * 0.3
          : 0.4 + rng.next() * 0.55
        : beyond
          ? 0.5 + rng.next() * 0.4
          : 1.1 + rng.next() * 0.6;
    const v = limit * factor;
    return limit >= 100 ? Math.round(v) : limit >= 5 ? Math.round(v * 10) / 10 : Math.round(v);
  }

  function poisson(lambda: number): number {
    const l = Math.exp(-lambda);
    let k = 0;
    for (let p = rng.next(); p > l; p *= rng.next()) k++;
    return k;
  }

  function event(
    to: string,
    from: string,
    kind: string,
    atMs: number,
    cardId: string | null,
    outcome: string,
    extra?: Record<string, string | number>,
  ) {
    if (opts.names && atMs >= nowMs - INBOX_DAYS * DAY && atMs < nowMs)
      events.push({ to, from, kind, atMs, cardId, outcome, ...(extra ? { extra } : {}) });
  }

  function buildInbox(names: ReadonlyMap<string, string>) {
    for (const e of events) {
      const old = e.atMs < nowMs - 3 * DAY;
      const readMs = e.atMs + rng.int(1, 48) * HOUR;
      const read = readMs < nowMs && rng.next() < (old ? 0.85 : 0.3);
      rows.notifications.push({
        id: id(),
        org_id: orgId,
        person_id: e.to,
        kind: e.kind,
        params: JSON.stringify({ name: names.get(e.from) ?? '', outcome: e.outcome, ...e.extra }),
        link: e.cardId ? `/delegation/cards/${e.cardId}` : `/autonomy/people/${e.to}`,
        created_at: iso(e.atMs),
        read_at: read ? iso(readMs) : null,
      });
    }
  }
}

/** Inserts the rows in one transaction (referenced tables first), in chunks under both engines' bind limits. */
export async function insertDelegationHistory(db: Kysely<DB>, rows: DelegationRows): Promise<void> {
  const chunk = async <T extends keyof DB>(trx: Kysely<DB>, table: T, values: Insertable<DB[T]>[]) => {
    if (values.length === 0) return;
    const columns = Object.keys(values[0] as object).length;
    const size = Math.max(1, Math.floor(30_000 / columns));
    for (let i = 0; i < values.length; i += size) {
      // Kysely cannot relate a generic table name to its row type: the rows were typed by the builder.
      await trx
        .insertInto(table)
        .values(values.slice(i, i + size) as never)
        .execute();
    }
  };
  await db.transaction().execute(async (trx) => {
    await chunk(trx, 'dl_domain', rows.domains);
    await chunk(trx, 'dl_team_setting', rows.teamSettings);
    await chunk(trx, 'dl_card', rows.cards);
    await chunk(trx, 'dl_checkpoint', rows.checkpoints);
    await chunk(trx, 'dl_message', rows.messages);
    await chunk(trx, 'dl_validation', rows.validations);
    await chunk(trx, 'dl_indicator_value', rows.indicatorValues);
    await chunk(trx, 'dl_level', rows.levels);
    await chunk(trx, 'dl_level_change', rows.levelChanges);
    await chunk(trx, 'dl_initiative', rows.initiatives);
    await chunk(trx, 'dl_concluded', rows.concluded);
    await chunk(trx, 'dl_sample', rows.samples);
    await chunk(trx, 'dl_sample_item', rows.sampleItems);
    await chunk(trx, 'dl_handover', rows.handovers);
    await chunk(trx, 'dl_handover_stage', rows.handoverStages);
    await chunk(trx, 'dl_learning', rows.learning);
    await chunk(trx, 'dl_bravo', rows.bravos);
    await chunk(trx, 'notification', rows.notifications);
  });
}
