import { createRng, type Rng } from './demo.random.ts';

/**
 * The demo organisation as pure data: who is who, who reports to whom, what each role does.
 * Nothing here touches the database, so the plan can be unit-tested and reused by
 * later modules that add history (one-to-ones, delegations…) on top of the same people.
 */

export const DEMO_ORGANISATION_NAME = 'Ventes Atlantique';
export const DEMO_EMAIL_DOMAIN = 'ventes-atlantique.example';
export const DEMO_SEED = 20260415;

export type DemoRole =
  | 'director'
  | 'hr'
  | 'regional'
  | 'operations'
  | 'assistant'
  | 'leadKeyAccounts'
  | 'leadField'
  | 'leadInside'
  | 'leadPresales'
  | 'leadSalesAdmin'
  | 'keyAccount'
  | 'field'
  | 'inside'
  | 'presales'
  | 'salesAdmin';

export interface DemoSkill {
  name: string;
  level: number;
}

export interface DemoPerson {
  /** Stable slot name (e.g. `lead-gc-nantes`, `rep-gc-nantes-1`): the handle later demo modules use. */
  key: string;
  role: DemoRole;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  jobDescription: string;
  team: string;
  managerKey: string | null;
  managerEmail: string | null;
  isAdmin: boolean;
  /** `invited` people get no account: they show pending invitations. */
  status: 'active' | 'invited';
  skills: DemoSkill[];
}

export interface DemoPlan {
  organisationName: string;
  seed: number;
  /** Managers always come before their reports. */
  people: DemoPerson[];
  /** Keys of the four accounts printed at the end of `relais demo`. */
  highlights: { admin: string; managerOfManagers: string; manager: string; member: string };
}

type Gender = 'f' | 'm';
interface Name {
  first: string;
  last: string;
  gender: Gender;
}

// Invented combinations; any resemblance to a real person is accidental.
const NAMES: readonly Name[] = [
  { first: 'Claire', last: 'Morvan', gender: 'f' },
  { first: 'Nadia', last: 'Benali', gender: 'f' },
  { first: 'Sophie', last: 'Le Goff', gender: 'f' },
  { first: 'Aurélie', last: 'Fontaine', gender: 'f' },
  { first: 'Fatou', last: 'Diallo', gender: 'f' },
  { first: 'Émilie', last: 'Carvalho', gender: 'f' },
  { first: 'Camille', last: 'Roux', gender: 'f' },
  { first: 'Inès', last: 'Haddad', gender: 'f' },
  { first: 'Julie', last: 'Marchand', gender: 'f' },
  { first: 'Mathilde', last: 'Guérin', gender: 'f' },
  { first: 'Léa', last: 'Nguyen', gender: 'f' },
  { first: 'Yasmina', last: 'Cherif', gender: 'f' },
  { first: 'Hélène', last: 'Perrot', gender: 'f' },
  { first: 'Chloé', last: 'Lemaire', gender: 'f' },
  { first: 'Manon', last: 'Kerbrat', gender: 'f' },
  { first: 'Sandrine', last: 'Tessier', gender: 'f' },
  { first: 'Amandine', last: 'Rolland', gender: 'f' },
  { first: 'Océane', last: 'Barbier', gender: 'f' },
  { first: 'Lucie', last: 'Da Silva', gender: 'f' },
  { first: 'Anaïs', last: 'Traoré', gender: 'f' },
  { first: 'Karima', last: 'Belkacem', gender: 'f' },
  { first: 'Marion', last: 'Gautier', gender: 'f' },
  { first: 'Élodie', last: 'Pichon', gender: 'f' },
  { first: 'Laure', last: 'Vasseur', gender: 'f' },
  { first: 'Pauline', last: 'Hamon', gender: 'f' },
  { first: 'Sarah', last: 'Azoulay', gender: 'f' },
  { first: 'Anne-Sophie', last: 'Lebrun', gender: 'f' },
  { first: 'Mélanie', last: 'Cousin', gender: 'f' },
  { first: 'Nathalie', last: 'Prigent', gender: 'f' },
  { first: 'Aïcha', last: 'Konaté', gender: 'f' },
  { first: 'Thomas', last: 'Le Bihan', gender: 'm' },
  { first: 'Karim', last: 'Mansouri', gender: 'm' },
  { first: 'Julien', last: 'Moreau', gender: 'm' },
  { first: 'Antoine', last: 'Lefèvre', gender: 'm' },
  { first: 'Mamadou', last: 'Sow', gender: 'm' },
  { first: 'Nicolas', last: 'Ferreira', gender: 'm' },
  { first: 'Sébastien', last: 'Caradec', gender: 'm' },
  { first: 'Hugo', last: 'Lambert', gender: 'm' },
  { first: 'Mehdi', last: 'Bouzid', gender: 'm' },
  { first: 'Vincent', last: 'Delmas', gender: 'm' },
  { first: 'Romain', last: 'Garnier', gender: 'm' },
  { first: 'Pierre-Yves', last: 'Le Floch', gender: 'm' },
  { first: 'Kevin', last: 'Tran', gender: 'm' },
  { first: 'Alexandre', last: 'Dumont', gender: 'm' },
  { first: 'Benoît', last: 'Riou', gender: 'm' },
  { first: 'Youssef', last: 'El Amrani', gender: 'm' },
  { first: 'Guillaume', last: 'Bertin', gender: 'm' },
  { first: 'Maxime', last: 'Colin', gender: 'm' },
  { first: 'Olivier', last: 'Nédélec', gender: 'm' },
  { first: 'Jérôme', last: 'Pasquier', gender: 'm' },
  { first: 'Florian', last: 'Texier', gender: 'm' },
  { first: 'Samuel', last: 'Mendy', gender: 'm' },
  { first: 'Damien', last: 'Quéméner', gender: 'm' },
  { first: 'Lucas', last: 'Esteves', gender: 'm' },
  { first: 'Arnaud', last: 'Chevalier', gender: 'm' },
  { first: 'Rachid', last: 'Ouali', gender: 'm' },
  { first: 'Fabien', last: 'Jaouen', gender: 'm' },
  { first: 'Baptiste', last: 'Morel', gender: 'm' },
  { first: 'Stéphane', last: 'Kowalski', gender: 'm' },
  { first: 'Cédric', last: 'Ohanian', gender: 'm' },
];

interface Place {
  region: string;
  city: string;
}

interface RoleText {
  title: Record<Gender, string>;
  description: string;
  /** Skills the role draws from, most typical first. */
  skills: readonly string[];
  /** Typical level around which skill levels vary (1–4). */
  baseLevel: number;
}

const ROLES: Record<DemoRole, RoleText> = {
  director: {
    title: { f: 'Directrice commerciale', m: 'Directeur commercial' },
    description:
      'Fixe la stratégie commerciale de Ventes Atlantique et les objectifs annuels de chaque région. ' +
      'Anime le comité de direction commerciale avec les directions régionales et les opérations, et arbitre les priorités entre grands comptes et PME. ' +
      'Suit la prévision des ventes chaque mois et en rend compte à la direction générale. ' +
      'Fait grandir ses managers : délégation, tête-à-tête réguliers, montée en autonomie des équipes.',
    skills: ['Stratégie commerciale', 'Prévision des ventes', 'Coaching', 'Négociation', 'Recrutement'],
    baseLevel: 4,
  },
  hr: {
    title: { f: 'Responsable ressources humaines', m: 'Responsable ressources humaines' },
    description:
      'Accompagne les managers de la direction commerciale pour les recrutements, les intégrations et les entretiens annuels. ' +
      "Administre Relais pour l'organisation : annuaire, invitations, rattachements hiérarchiques et réglages de confidentialité. " +
      "Suit les indicateurs agrégés (cadence des tête-à-tête, météo d'équipe) sans lire les échanges individuels. " +
      'Conseille sur le droit social, la rémunération variable et le plan de formation.',
    skills: ['Recrutement', 'Droit social', "Conduite d'entretiens", 'Développement des compétences', 'SIRH'],
    baseLevel: 3,
  },
  regional: {
    title: { f: 'Directrice régionale des ventes {region}', m: 'Directeur régional des ventes {region}' },
    description:
      "Pilote l'activité commerciale de la région {region} et encadre ses chefs des ventes. " +
      "Construit avec eux le plan d'action trimestriel, valide les remises hors barème et accompagne les négociations les plus sensibles. " +
      'Consolide la prévision des ventes de la région et anime la revue mensuelle du pipeline. ' +
      'Délègue progressivement à ses managers les décisions de leur périmètre.',
    skills: [
      'Coaching',
      'Prévision des ventes',
      'Négociation',
      'Pilotage de la performance',
      'Gestion de compte',
    ],
    baseLevel: 3,
  },
  operations: {
    title: { f: 'Responsable des opérations commerciales', m: 'Responsable des opérations commerciales' },
    description:
      "Dirige les équipes d'avant-vente et d'administration des ventes qui travaillent pour les trois régions. " +
      "Veille à ce que les démonstrations, les réponses aux appels d'offres et le traitement des commandes suivent le rythme des commerciaux. " +
      'Tient le CRM et les tableaux de bord de la direction commerciale, et simplifie le circuit entre la signature et la facturation.',
    skills: [
      'CRM',
      'Prévision des ventes',
      'Amélioration des processus',
      'Pilotage de la performance',
      'Coaching',
    ],
    baseLevel: 3,
  },
  assistant: {
    title: { f: 'Assistante commerciale', m: 'Assistant commercial' },
    description:
      "Assiste la direction régionale {region} : agendas, déplacements, préparation des revues d'activité. " +
      'Met à jour le CRM après les rendez-vous, prépare les propositions commerciales standard et relance les devis en attente. ' +
      "Organise les salons, les petits-déjeuners clients et les réunions d'équipe de la région.",
    skills: [
      'CRM',
      'Rédaction commerciale',
      'Suivi des devis',
      "Organisation d'événements",
      'Relation client',
    ],
    baseLevel: 3,
  },
  leadKeyAccounts: {
    title: { f: 'Cheffe des ventes grands comptes', m: 'Chef des ventes grands comptes' },
    description:
      "Encadre les ingénieurs commerciaux de l'équipe {team} et garde en direct quelques comptes stratégiques. " +
      "Répartit les comptes, fixe les objectifs individuels et tient un tête-à-tête hebdomadaire avec chaque membre de l'équipe. " +
      "Prépare avec eux les plans de compte et les négociations annuelles, puis consolide chaque semaine la prévision de l'équipe.",
    skills: [
      'Coaching',
      'Gestion de compte',
      'Négociation',
      'Closing',
      'Prévision des ventes',
      "Animation d'équipe",
    ],
    baseLevel: 3,
  },
  leadField: {
    title: { f: 'Cheffe des ventes PME', m: 'Chef des ventes PME' },
    description:
      "Anime l'équipe de commerciaux terrain {team} : objectifs, secteurs, rituels d'équipe. " +
      'Accompagne régulièrement chaque commercial en rendez-vous pour le faire progresser sur la découverte et la conclusion. ' +
      "Valide les devis qui dépassent la délégation de chacun et suit le taux de transformation de l'équipe. " +
      'Recrute et intègre les nouveaux commerciaux du secteur.',
    skills: [
      'Coaching',
      'Prospection',
      'Closing',
      'Prévision des ventes',
      "Animation d'équipe",
      'Recrutement',
    ],
    baseLevel: 3,
  },
  leadInside: {
    title: { f: 'Responsable des ventes sédentaires', m: 'Responsable des ventes sédentaires' },
    description:
      'Organise le travail des chargés de clientèle sédentaires de {city} : campagnes d’appels, demandes entrantes, fidélisation du portefeuille. ' +
      "Écoute des appels avec chaque chargé de clientèle et ajuste avec l'équipe les argumentaires. " +
      'Suit les indicateurs de contact, de transformation et de satisfaction client.',
    skills: ['Coaching', 'Relation client', 'CRM', "Animation d'équipe", 'Prévision des ventes'],
    baseLevel: 3,
  },
  leadPresales: {
    title: { f: 'Responsable avant-vente', m: 'Responsable avant-vente' },
    description:
      'Encadre les ingénieurs avant-vente et confie chaque opportunité à la bonne personne selon le secteur et la complexité technique. ' +
      "Relit les démonstrations importantes et les réponses aux appels d'offres avant leur envoi. " +
      "Fait remonter à l'équipe produit les besoins clients récurrents et forme les commerciaux aux nouvelles versions.",
    skills: [
      'Connaissance produit',
      'Présentation client',
      "Réponse aux appels d'offres",
      'Coaching',
      "Animation d'équipe",
    ],
    baseLevel: 3,
  },
  leadSalesAdmin: {
    title: {
      f: "Responsable de l'administration des ventes",
      m: "Responsable de l'administration des ventes",
    },
    description:
      "Dirige l'administration des ventes : saisie des commandes, contrôle des conditions tarifaires, facturation et suivi des règlements. " +
      'Convient avec les régions des délais de traitement et arbitre les litiges clients. ' +
      "Organise la polyvalence dans l'équipe pour que chaque dossier avance pendant les congés.",
    skills: [
      'Administration des ventes',
      'Facturation',
      "Animation d'équipe",
      'Amélioration des processus',
      'CRM',
    ],
    baseLevel: 3,
  },
  keyAccount: {
    title: { f: 'Ingénieure commerciale grands comptes', m: 'Ingénieur commercial grands comptes' },
    description:
      "Développe un portefeuille d'une quinzaine de grands comptes de la région {region} et en connaît les décideurs. " +
      'Construit un plan de compte annuel, repère les nouveaux projets et mène les négociations avec les directions achats. ' +
      "Coordonne l'avant-vente et l'administration des ventes sur chaque affaire et tient sa prévision à jour dans le CRM.",
    skills: [
      'Gestion de compte',
      'Négociation',
      'Closing',
      'Présentation client',
      'Connaissance produit',
      'Prévision des ventes',
    ],
    baseLevel: 3,
  },
  field: {
    title: { f: 'Commerciale terrain', m: 'Commercial terrain' },
    description:
      'Prospecte les PME du secteur de {city} et mène chaque vente de la découverte à la signature. ' +
      'Organise sa tournée, tient une douzaine de rendez-vous par semaine et présente les solutions adaptées à chaque client. ' +
      'Négocie dans la limite de sa délégation de remise et enregistre chaque opportunité dans le CRM.',
    skills: ['Prospection', 'Négociation', 'Closing', 'Présentation client', 'CRM', 'Connaissance produit'],
    baseLevel: 2,
  },
  inside: {
    title: { f: 'Chargée de clientèle', m: 'Chargé de clientèle' },
    description:
      'Gère par téléphone et en visio un portefeuille de petits clients ainsi que les demandes arrivées par le site web. ' +
      'Qualifie les besoins, établit les devis simples et conclut les ventes complémentaires. ' +
      'Relance les clients avant la fin de leur contrat et transmet aux commerciaux terrain les projets plus importants.',
    skills: [
      'Prospection téléphonique',
      'Relation client',
      'CRM',
      'Connaissance produit',
      'Fidélisation',
      'Closing',
    ],
    baseLevel: 2,
  },
  presales: {
    title: { f: 'Ingénieure avant-vente', m: 'Ingénieur avant-vente' },
    description:
      'Prépare et anime les démonstrations chez les clients, en binôme avec les commerciaux. ' +
      "Analyse les cahiers des charges, rédige la partie technique des réponses aux appels d'offres et chiffre les prestations de mise en place. " +
      "Assure le passage de relais vers l'équipe de déploiement une fois le contrat signé.",
    skills: [
      'Connaissance produit',
      'Présentation client',
      'Démonstration',
      "Réponse aux appels d'offres",
      'Intégration technique',
    ],
    baseLevel: 3,
  },
  salesAdmin: {
    title: { f: 'Gestionnaire ADV', m: 'Gestionnaire ADV' },
    description:
      'Enregistre et contrôle les commandes signées : conditions tarifaires, remises, coordonnées de facturation. ' +
      'Suit les livraisons et les mises en service avec les équipes techniques et prévient les commerciaux en cas de retard. ' +
      'Émet les factures, traite les avoirs et relance les règlements en retard.',
    skills: ['Suivi des commandes', 'Facturation', 'CRM', 'Relation client', 'Gestion des litiges'],
    baseLevel: 2,
  },
};

interface Slot {
  key: string;
  role: DemoRole;
  team: string;
  managerKey: string | null;
  place: Place;
  isAdmin?: boolean;
  invited?: boolean;
}

const HQ: Place = { region: 'Atlantique', city: 'Nantes' };
const OUEST: Place = { region: 'Grand Ouest', city: 'Nantes' };
const SUD_OUEST: Place = { region: 'Sud-Ouest', city: 'Bordeaux' };
const BRETAGNE: Place = { region: 'Bretagne', city: 'Rennes' };
const BREST: Place = { region: 'Bretagne', city: 'Brest' };

interface TeamSpec {
  id: string;
  team: string;
  lead: DemoRole;
  rep: DemoRole;
  size: number;
  managerKey: string;
  place: Place;
  /** Members (1-based) left without an account. */
  invited?: number[];
}

const TEAMS: readonly TeamSpec[] = [
  {
    id: 'gc-nantes',
    team: 'Grands comptes Nantes',
    lead: 'leadKeyAccounts',
    rep: 'keyAccount',
    size: 6,
    managerKey: 'rd-ouest',
    place: OUEST,
  },
  {
    id: 'pme-nantes',
    team: 'PME Nantes',
    lead: 'leadField',
    rep: 'field',
    size: 6,
    managerKey: 'rd-ouest',
    place: OUEST,
  },
  {
    id: 'pme-bordeaux',
    team: 'PME Bordeaux',
    lead: 'leadField',
    rep: 'field',
    size: 6,
    managerKey: 'rd-sud-ouest',
    place: SUD_OUEST,
    invited: [6],
  },
  {
    id: 'gc-bordeaux',
    team: 'Grands comptes Bordeaux',
    lead: 'leadKeyAccounts',
    rep: 'keyAccount',
    size: 4,
    managerKey: 'rd-sud-ouest',
    place: SUD_OUEST,
  },
  {
    id: 'pme-rennes',
    team: 'PME Rennes',
    lead: 'leadField',
    rep: 'field',
    size: 6,
    managerKey: 'rd-bretagne',
    place: BRETAGNE,
  },
  {
    id: 'sedentaires-brest',
    team: 'Ventes sédentaires Brest',
    lead: 'leadInside',
    rep: 'inside',
    size: 6,
    managerKey: 'rd-bretagne',
    place: BREST,
    invited: [6],
  },
  {
    id: 'avant-vente',
    team: 'Avant-vente',
    lead: 'leadPresales',
    rep: 'presales',
    size: 5,
    managerKey: 'operations',
    place: HQ,
  },
  {
    id: 'adv',
    team: 'Administration des ventes',
    lead: 'leadSalesAdmin',
    rep: 'salesAdmin',
    size: 5,
    managerKey: 'operations',
    place: HQ,
    invited: [5],
  },
];

function slots(): Slot[] {
  const out: Slot[] = [
    { key: 'director', role: 'director', team: 'Direction commerciale', managerKey: null, place: HQ },
    { key: 'hr', role: 'hr', team: 'Ressources humaines', managerKey: 'director', place: HQ, isAdmin: true },
    {
      key: 'rd-ouest',
      role: 'regional',
      team: 'Direction régionale Grand Ouest',
      managerKey: 'director',
      place: OUEST,
    },
    {
      key: 'rd-sud-ouest',
      role: 'regional',
      team: 'Direction régionale Sud-Ouest',
      managerKey: 'director',
      place: SUD_OUEST,
    },
    {
      key: 'rd-bretagne',
      role: 'regional',
      team: 'Direction régionale Bretagne',
      managerKey: 'director',
      place: BRETAGNE,
    },
    {
      key: 'operations',
      role: 'operations',
      team: 'Opérations commerciales',
      managerKey: 'director',
      place: HQ,
    },
    {
      key: 'assistant-ouest',
      role: 'assistant',
      team: 'Direction régionale Grand Ouest',
      managerKey: 'rd-ouest',
      place: OUEST,
    },
    {
      key: 'assistant-sud-ouest',
      role: 'assistant',
      team: 'Direction régionale Sud-Ouest',
      managerKey: 'rd-sud-ouest',
      place: SUD_OUEST,
    },
  ];
  for (const t of TEAMS) {
    const leadKey = `lead-${t.id}`;
    out.push({ key: leadKey, role: t.lead, team: t.team, managerKey: t.managerKey, place: t.place });
    for (let i = 1; i <= t.size; i++) {
      out.push({
        key: `rep-${t.id}-${i}`,
        role: t.rep,
        team: t.team,
        managerKey: leadKey,
        place: t.place,
        invited: t.invited?.includes(i) ?? false,
      });
    }
  }
  return out;
}

/** `Anne-Sophie`, `Le Goff` → `anne-sophie.legoff`: ASCII, no accents, no spaces. */
export function demoEmail(firstName: string, lastName: string): string {
  const part = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\s'’]+/g, '')
      .replace(/[^a-z0-9-]/g, '');
  return `${part(firstName)}.${part(lastName)}@${DEMO_EMAIL_DOMAIN}`;
}

const fill = (text: string, slot: Slot) =>
  text
    .replaceAll('{region}', slot.place.region)
    .replaceAll('{city}', slot.place.city)
    .replaceAll('{team}', slot.team);

function skillsFor(role: RoleText, rng: Rng): DemoSkill[] {
  const count = rng.int(2, Math.min(5, role.skills.length));
  // The role's first skill is always there; the others are drawn.
  const [first, ...rest] = role.skills;
  const names = [first!, ...rng.shuffle(rest).slice(0, count - 1)];
  return names.map((name) => ({ name, level: Math.min(4, Math.max(1, role.baseLevel + rng.int(-1, 1))) }));
}

/** The whole demo organisation, identical for identical seeds. */
export function buildDemoPeople(seed: number = DEMO_SEED): DemoPlan {
  const rng = createRng(seed);
  const all = slots();
  const names = rng.shuffle(NAMES);
  if (names.length < all.length) throw new Error('not enough demo names');
  const emailOf = new Map<string, string>();
  const people = all.map((slot, i): DemoPerson => {
    const name = names[i]!;
    const role = ROLES[slot.role];
    const email = demoEmail(name.first, name.last);
    emailOf.set(slot.key, email);
    return {
      key: slot.key,
      role: slot.role,
      firstName: name.first,
      lastName: name.last,
      email,
      jobTitle: fill(role.title[name.gender], slot),
      jobDescription: fill(role.description, slot),
      team: slot.team,
      managerKey: slot.managerKey,
      managerEmail: slot.managerKey === null ? null : emailOf.get(slot.managerKey)!,
      isAdmin: slot.isAdmin ?? false,
      status: slot.invited ? 'invited' : 'active',
      skills: skillsFor(role, rng),
    };
  });
  return {
    organisationName: DEMO_ORGANISATION_NAME,
    seed,
    people,
    highlights: {
      admin: 'hr',
      managerOfManagers: 'rd-ouest',
      manager: 'lead-gc-nantes',
      member: 'rep-gc-nantes-1',
    },
  };
}
