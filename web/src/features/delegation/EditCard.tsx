import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { AlertSection, FormErrors, FrameSection, WhatSection, WhoSection } from './CardFormFields.tsx';
import { type CardDetail, useUpdateCard } from './delegation.api.ts';
import {
  type CardField,
  cardFields,
  changedFields,
  draftFromCard,
  type UpdateDraft,
  validateCardFields,
} from './form.ts';
import { todayIso } from './parts.tsx';

export type EditOutcome = 'saved' | 'unchanged';

/** The delegator's "Edit the card" button and its dialog (full screen on a phone). */
export function EditCard({ card, onDone }: { card: CardDetail; onDone: (outcome: EditOutcome) => void }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('delegation.edit.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('delegation.edit.title')}
        size="xl"
        fullScreen={narrow}
        // A click beside the dialog must not throw away what was typed.
        closeOnClickOutside={false}
        closeButtonProps={{ 'aria-label': t('ui.close') }}
        styles={{ title: { fontSize: 'var(--mantine-h3-font-size)', fontWeight: 700 } }}
      >
        <EditCardForm
          card={card}
          onCancel={close}
          onDone={(outcome) => {
            close();
            onDone(outcome);
          }}
        />
      </Modal>
    </>
  );
}

interface EditCardFormProps {
  card: CardDetail;
  onCancel: () => void;
  onDone: (outcome: EditOutcome) => void;
}

function EditCardForm({ card, onCancel, onDone }: EditCardFormProps) {
  const { t } = useTranslation();
  const save = useUpdateCard(card.id);
  const [form, setForm] = useState(() => draftFromCard(card));
  const update: UpdateDraft = (patch) => setForm((f) => ({ ...f, ...patch }));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const err = (field: CardField) => errors[field] ?? fieldError(save.error, field);
  const today = todayIso();
  const fieldProps = { form, update, err, order: 3 as const };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = validateCardFields(form, t, today, card.dueOn.slice(0, 10));
    setErrors(next);
    if (Object.keys(next).length > 0) {
      save.reset();
      return;
    }
    const body = changedFields(card, form);
    if (Object.keys(body).length === 0) {
      onDone('unchanged');
      return;
    }
    save.mutate(body, { onSuccess: () => onDone('saved') });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('delegation.edit.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('delegation.edit.intro', { name: card.assignee.name })}
        </Text>
        <WhatSection
          {...fieldProps}
          keepDomain={card.domain}
          currentLevel={form.domainId === card.domain?.id ? card.assigneeDomainLevel : null}
        />
        <WhoSection
          {...fieldProps}
          min={today}
          assignee={<Text size="sm">{t('delegation.edit.assignee', { name: card.assignee.name })}</Text>}
        />
        <FrameSection {...fieldProps} />
        <AlertSection {...fieldProps} />

        <FormErrors error={save.error} fields={cardFields} invalid={Object.keys(errors).length > 0} />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('delegation.edit.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('delegation.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
