import { describe, expect, it } from 'vitest';
import { authorize, can, type Actor, type PersonSubject } from './policy.ts';

const actor = (personId: string, opts: Partial<Actor> = {}): Actor => ({
  userId: 'u-' + personId,
  personId,
  orgId: 'org-a',
  isAdmin: false,
  twoFactorEnabled: false,
  locale: 'fr',
  ...opts,
});
// org-a: grand → manager → subject → report; colleague reports to manager too.
const subject: PersonSubject = {
  id: 'subject',
  orgId: 'org-a',
  managerId: 'manager',
  chain: ['manager', 'grand'],
};

describe('policy table', () => {
  it('a person reads and edits their own profile but not their manager or role', () => {
    const me = actor('subject');
    expect(can(me, 'person.update', subject)).toBe(true);
    expect(can(me, 'person.updateManager', subject)).toBe(false);
    expect(can(me, 'person.updateRole', subject)).toBe(false);
    expect(can(me, 'person.export', subject)).toBe(true);
  });

  it('the whole manager chain sees the team; a colleague does not', () => {
    expect(can(actor('manager'), 'person.readTeam', subject)).toBe(true);
    expect(can(actor('grand'), 'person.readTeam', subject)).toBe(true);
    expect(can(actor('colleague'), 'person.readTeam', subject)).toBe(false);
    expect(can(actor('report'), 'person.readTeam', subject)).toBe(false);
  });

  it('an admin of another organisation can do nothing, not even read', () => {
    const foreignAdmin = actor('x', { orgId: 'org-b', isAdmin: true });
    for (const action of [
      'person.read',
      'person.update',
      'person.updateManager',
      'person.readTeam',
      'person.export',
    ] as const) {
      expect(can(foreignAdmin, action, subject)).toBe(false);
    }
    expect(can(foreignAdmin, 'outbox.read', { orgId: 'org-a' })).toBe(false);
  });

  it('an admin may not change their own role (no lock-out), but may change anyone else’s', () => {
    const admin = actor('admin', { isAdmin: true });
    expect(can(admin, 'person.updateRole', { ...subject, id: 'admin', chain: [] })).toBe(false);
    expect(can(admin, 'person.updateRole', subject)).toBe(true);
  });

  it('denied writes on a visible subject answer 403, denied reads answer 404', () => {
    expect(() => authorize(actor('colleague'), 'person.update', subject)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => authorize(actor('colleague'), 'person.readTeam', subject)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => authorize(actor('x', { orgId: 'org-b' }), 'person.update', subject)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => authorize(actor('subject'), 'person.update', subject)).not.toThrow();
  });
});
