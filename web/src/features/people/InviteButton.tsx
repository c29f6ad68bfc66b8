import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from '../../app/translator.ts';
import { ApiError } from '../../app/api.ts';
import { useFormat } from '../../ui/format.ts';
import { useSendInvitation } from './people.api.ts';

export function InviteButton({ id, name, size = 'xs' }: { id: string; name: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const invite = useSendInvitation();
  return (
    <Button
      size={size}
      variant="outline"
      loading={invite.isPending}
      aria-label={t('people.invite.sendTo', { name })}
      onClick={() =>
        invite.mutate(id, {
          onSuccess: (r) =>
            notifications.show({
              closeButtonProps: { 'aria-label': t('ui.close') },
              color: 'teal',
              message: t('people.invite.sent', { name, date: fmt.date(r.expiresAt) }),
            }),
          onError: (e) =>
            notifications.show({
              closeButtonProps: { 'aria-label': t('ui.close') },
              color: 'red',
              message: e instanceof ApiError ? e.message : t('errors.internal'),
            }),
        })
      }
    >
      {t('people.invite.send')}
    </Button>
  );
}
