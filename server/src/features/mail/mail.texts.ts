import type { Locale } from '../../../../core/api/common.schemas.ts';
import { translate } from '../../http/messages.ts';

export function mailTexts(locale: string) {
  const l: Locale = locale === 'en' ? 'en' : 'fr';
  return {
    resetSubject: translate(l, 'mail.reset.subject'),
    resetBody: (url: string) => translate(l, 'mail.reset.body', { url }),
    inviteSubject: (p: { org: string; inviter: string }) => translate(l, 'mail.invite.subject', p),
    inviteBody: (p: { name: string; inviter: string; org: string; url: string; days: number }) =>
      translate(l, 'mail.invite.body', p),
  };
}
