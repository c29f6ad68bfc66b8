/** Lower-case, accents removed: "Hugo Lefèvre" and "lefevre" meet. Same rule for stored text and for queries. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function personSearchText(p: {
  first_name: string;
  last_name: string;
  email: string;
  job_title: string;
  team: string;
}): string {
  return foldForSearch([p.first_name, p.last_name, p.email, p.job_title, p.team].join(' '));
}
