import { describe, expect, it } from 'vitest';
import { buildDemoPeople, demoEmail, DEMO_EMAIL_DOMAIN, type DemoPerson } from './demo.plan.ts';
import { createRng } from './demo.random.ts';

const plan = buildDemoPeople();
const byEmail = new Map(plan.people.map((p) => [p.email, p]));
const byKey = new Map(plan.people.map((p) => [p.key, p]));
const reportsOf = (p: DemoPerson) => plan.people.filter((r) => r.managerEmail === p.email);

function depth(p: DemoPerson): number {
  let d = 0;
  for (let m = p.managerEmail; m !== null; m = byEmail.get(m)!.managerEmail) d++;
  return d;
}

describe('buildDemoPeople', () => {
  it('has about sixty people and exactly one root', () => {
    expect(plan.people.length).toBeGreaterThanOrEqual(55);
    expect(plan.people.length).toBeLessThanOrEqual(65);
    const roots = plan.people.filter((p) => p.managerEmail === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.role).toBe('director');
  });

  it('links every manager e-mail to someone listed before the report', () => {
    const seen = new Set<string>();
    for (const p of plan.people) {
      if (p.managerEmail !== null) {
        expect(byEmail.has(p.managerEmail)).toBe(true);
        expect(seen.has(p.managerEmail)).toBe(true);
        expect(byKey.get(p.managerKey!)!.email).toBe(p.managerEmail);
      }
      seen.add(p.email);
    }
  });

  it('has three levels of management above the reps', () => {
    expect(Math.max(...plan.people.map(depth))).toBe(3);
    const reps = plan.people.filter((p) => depth(p) === 3);
    expect(reps.length).toBeGreaterThan(30);
    for (const r of reps) expect(reportsOf(r)).toHaveLength(0);
    const regional = plan.people.filter((p) => depth(p) === 1 && reportsOf(p).length > 0);
    expect(regional.length).toBeGreaterThanOrEqual(3);
    expect(regional.length).toBeLessThanOrEqual(4);
  });

  it('has unique ASCII e-mails of the form prenom.nom@domain', () => {
    const emails = plan.people.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails)
      expect(e).toMatch(new RegExp(`^[a-z-]+\\.[a-z-]+@${DEMO_EMAIL_DOMAIN.replace('.', '\\.')}$`));
    expect(demoEmail('Anne-Sophie', 'Le Goff')).toBe(`anne-sophie.legoff@${DEMO_EMAIL_DOMAIN}`);
    expect(demoEmail('Aïcha', 'Konaté')).toBe(`aicha.konate@${DEMO_EMAIL_DOMAIN}`);
  });

  it('gives everyone a title, a description, a team and 2–5 distinct skills at level 1–4', () => {
    for (const p of plan.people) {
      expect(p.jobTitle).not.toBe('');
      expect(p.jobTitle).not.toContain('{');
      expect(p.jobDescription.split('. ').length).toBeGreaterThanOrEqual(2);
      expect(p.jobDescription).not.toContain('{');
      expect(p.team).not.toBe('');
      expect(p.skills.length).toBeGreaterThanOrEqual(2);
      expect(p.skills.length).toBeLessThanOrEqual(5);
      expect(new Set(p.skills.map((s) => s.name)).size).toBe(p.skills.length);
      for (const s of p.skills) {
        expect(Number.isInteger(s.level)).toBe(true);
        expect(s.level).toBeGreaterThanOrEqual(1);
        expect(s.level).toBeLessThanOrEqual(4);
      }
    }
  });

  it('has one HR admin and three invited people', () => {
    const admins = plan.people.filter((p) => p.isAdmin);
    expect(admins).toHaveLength(1);
    expect(admins[0]!.role).toBe('hr');
    const invited = plan.people.filter((p) => p.status === 'invited');
    expect(invited).toHaveLength(3);
    const highlighted = new Set(Object.values(plan.highlights));
    for (const p of invited) expect(highlighted.has(p.key)).toBe(false);
  });

  it('highlights accounts with the expected roles', () => {
    const { admin, managerOfManagers, manager, member } = plan.highlights;
    expect(byKey.get(admin)!.isAdmin).toBe(true);
    const mom = byKey.get(managerOfManagers)!;
    expect(reportsOf(mom).some((r) => reportsOf(r).length > 0)).toBe(true);
    const mgr = byKey.get(manager)!;
    const mgrReports = reportsOf(mgr);
    expect(mgrReports.length).toBeGreaterThan(0);
    expect(mgrReports.every((r) => reportsOf(r).length === 0)).toBe(true);
    expect(mgr.managerEmail).toBe(mom.email);
    const m = byKey.get(member)!;
    expect(reportsOf(m)).toHaveLength(0);
    expect(m.managerEmail).toBe(mgr.email);
    expect(m.status).toBe('active');
  });

  it('is deterministic, and the seed changes the draw', () => {
    expect(buildDemoPeople()).toEqual(buildDemoPeople());
    expect(buildDemoPeople(7)).toEqual(buildDemoPeople(7));
    expect(buildDemoPeople(7).people.map((p) => p.email)).not.toEqual(plan.people.map((p) => p.email));
  });
});

describe('createRng', () => {
  it('repeats the same sequence for the same seed and stays in range', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 100; i++) {
      const x = a.int(1, 4);
      expect(x).toBe(b.int(1, 4));
      expect(x).toBeGreaterThanOrEqual(1);
      expect(x).toBeLessThanOrEqual(4);
    }
  });
});
