/** Aggregates about people are shown only once at least k distinct people contributed; k is never below 3. */
export const K_MINIMUM = 3;

export const effectiveK = (organisationK: number): number => Math.max(K_MINIMUM, Math.trunc(organisationK));

export const aggregateVisible = (contributors: number, organisationK: number): boolean =>
  contributors >= effectiveK(organisationK);
