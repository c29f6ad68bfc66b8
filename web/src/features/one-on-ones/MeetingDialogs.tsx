import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { fromLocalInput, toLocalInput } from './common.tsx';
import { useCancelMeeting, useMoveMeeting } from './one-on-ones.api.ts';

interface DialogProps {
  meetingId: string;
  /** Current date of the meeting (ISO). */
  scheduledAt: string;
  opened: boolean;
  onClose: () => void;
}

/** Moving asks for a reason and reminds that this slot is meant to be kept. */
export function MoveDialog({ meetingId, scheduledAt, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const move = useMoveMeeting(meetingId);
  const [when, setWhen] = useState(() => toLocalInput(new Date(scheduledAt)));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ scheduledAt?: string; reason?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = fromLocalInput(when);
    const next: typeof errors = {};
    if (!iso) next.scheduledAt = t('oneOnOnes.move.dateRequired');
    if (!reason.trim()) next.reason = t('oneOnOnes.move.reasonRequired');
    setErrors(next);
    if (!iso || next.reason) return;
    move.mutate({ scheduledAt: iso, reason: reason.trim() }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('oneOnOnes.move.title')}
      closeButtonProps={{ 'aria-label': t('ui.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="yellow" variant="light">
            {t('oneOnOnes.move.warning')}
          </Alert>
          <ErrorAlert error={move.error} fields={['scheduledAt', 'reason']} />
          <TextInput
            type="datetime-local"
            label={t('oneOnOnes.move.newDate')}
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
            error={errors.scheduledAt ?? fieldError(move.error, 'scheduledAt')}
            required
          />
          <Textarea
            label={t('oneOnOnes.move.reason')}
            description={t('oneOnOnes.move.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason ?? fieldError(move.error, 'reason')}
            maxLength={500}
            autosize
            minRows={2}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('oneOnOnes.move.keep')}
            </Button>
            <Button type="submit" color="orange.9" loading={move.isPending}>
              {t('oneOnOnes.move.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CancelDialog({ meetingId, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const cancel = useCancelMeeting(meetingId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('oneOnOnes.move.reasonRequired'));
      return;
    }
    setError(undefined);
    cancel.mutate(reason.trim(), { onSuccess: onClose });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('oneOnOnes.cancel.title')}
      closeButtonProps={{ 'aria-label': t('ui.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="yellow" variant="light">
            {t('oneOnOnes.move.warning')} {t('oneOnOnes.cancel.warning')}
          </Alert>
          <ErrorAlert error={cancel.error} fields={['reason']} />
          <Textarea
            label={t('oneOnOnes.cancel.reason')}
            description={t('oneOnOnes.cancel.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error ?? fieldError(cancel.error, 'reason')}
            maxLength={500}
            autosize
            minRows={2}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('oneOnOnes.cancel.keep')}
            </Button>
            <Button type="submit" color="red.8" loading={cancel.isPending}>
              {t('oneOnOnes.cancel.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
