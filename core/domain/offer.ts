/** Good–Better–Best: an offer never has more than three tiers, and each tier a short list of benefits. */
export const MAX_TIERS = 3;
export const MAX_BENEFITS = 8;
