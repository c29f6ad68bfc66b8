/** The people the journeys create, in order: the first journey onboards the install with ADMIN. */
export const ORG = 'Ventes Atlantique Test';
export const ADMIN = {
  firstName: 'Léa',
  lastName: 'Martin',
  email: 'lea.martin@example.com',
  password: 'un-long-mot-de-passe',
};
export const INVITEE = {
  firstName: 'Hugo',
  lastName: 'Lefèvre',
  email: 'hugo.lefevre@example.com',
  password: 'mon-mot-de-passe-a-moi',
};
