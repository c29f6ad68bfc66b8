import { Alert, Button, Group, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import uiClasses from '../../ui/ui.module.css';
import { type CardDetail, useConditionMet, useRecordIndicator } from './delegation.api.ts';
import classes from './delegation.module.css';
import { Panel } from './parts.tsx';

/** Once the threshold is crossed, the card says so at the top, with who was told and when. */
export function AlertBanner({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const a = card.alert;
  if (!a.raisedAt) return null;
  const closed = card.status === 'done' || card.status === 'declined';
  return (
    // Loud while the work goes on; a record once the card is closed.
    <Alert
      color={closed ? 'red' : 'red.9'}
      variant={closed ? 'light' : 'filled'}
      role={closed ? undefined : 'alert'}
      title={t('delegation.alert.raisedTitle')}
    >
      <Stack gap={4}>
        {a.raisedByCondition ? (
          <Text size="sm" className={uiClasses.preWrap}>
            {t('delegation.alert.raisedByCondition', {
              condition: a.condition || t('delegation.card.notSet'),
            })}
          </Text>
        ) : (
          <Text size="sm">
            {t('delegation.alert.raisedByValue', {
              metric: a.metric ?? '',
              value: fmt.number(a.raisedValue ?? 0),
              limit: fmt.number(a.limit ?? 0),
            })}
          </Text>
        )}
        <Text size="sm" fw={600}>
          {t('delegation.alert.told', {
            name: a.notify?.name ?? card.delegator.name,
            date: fmt.dateTime(a.raisedAt),
          })}
        </Text>
      </Stack>
    </Alert>
  );
}

/** The threshold agreed on the card, the values recorded, and the assignee's two ways to raise it. */
export function AlertPanel({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const a = card.alert;
  const canRecord = card.permissions.act && (card.status === 'accepted' || card.status === 'in_progress');
  const hasThreshold = a.condition.trim() !== '' || a.metric !== null;
  return (
    <Panel title={t('delegation.alert.title')} intro={t('delegation.alert.intro')}>
      <Stack gap="sm">
        {!hasThreshold && <Text size="sm">{t('delegation.alert.none')}</Text>}
        <dl className={classes.facts}>
          {a.condition.trim() !== '' && (
            <>
              <dt>{t('delegation.alert.condition')}</dt>
              <dd className={uiClasses.preWrap}>{a.condition}</dd>
            </>
          )}
          {a.metric !== null && (
            <>
              <dt>{t('delegation.alert.metric')}</dt>
              <dd>
                {t(`delegation.alert.rule.${a.direction ?? 'above'}`, {
                  metric: a.metric,
                  limit: a.limit === null ? '' : fmt.number(a.limit),
                })}
              </dd>
            </>
          )}
          <dt>{t('delegation.alert.notify')}</dt>
          <dd>{a.notify?.name ?? card.delegator.name}</dd>
        </dl>
        {card.indicatorValues.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('delegation.alert.values')}
            </Text>
            <ul className={classes.plainList}>
              {card.indicatorValues.map((v) => (
                <li key={v.id}>
                  <Text
                    size="sm"
                    c={v.beyondLimit ? 'red.9' : undefined}
                    fw={v.beyondLimit ? 700 : undefined}
                  >
                    {t(v.beyondLimit ? 'delegation.alert.valueBeyond' : 'delegation.alert.value', {
                      value: fmt.number(v.value),
                      name: v.recordedBy.name,
                      date: fmt.dateTime(v.recordedAt),
                    })}
                  </Text>
                  {v.note && (
                    <Text size="sm" c="dimmed" className={uiClasses.preWrap}>
                      {v.note}
                    </Text>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {canRecord && a.metric !== null && <RecordValue card={card} />}
        {canRecord && a.condition.trim() !== '' && !a.raisedAt && <ConditionMet card={card} />}
      </Stack>
    </Panel>
  );
}

function RecordValue({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const record = useRecordIndicator(card.id);
  const [value, setValue] = useState<string | number>('');
  const [note, setNote] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (value === '' || !Number.isFinite(Number(value))) return;
        record.mutate(
          { value: Number(value), note },
          {
            onSuccess: () => {
              setValue('');
              setNote('');
            },
          },
        );
      }}
      noValidate
    >
      <Stack gap="xs">
        <NumberInput
          label={t('delegation.alert.recordLabel', { metric: card.alert.metric ?? '' })}
          value={value}
          onChange={setValue}
          error={fieldError(record.error, 'value')}
          decimalSeparator={t('delegation.form.decimalSeparator')}
          required
        />
        <TextInput
          label={t('delegation.alert.recordNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(record.error, 'note')}
          maxLength={500}
        />
        <ErrorAlert error={record.error} fields={['value', 'note']} />
        <Button
          type="submit"
          variant="light"
          loading={record.isPending}
          w="fit-content"
          disabled={value === ''}
        >
          {t('delegation.alert.record')}
        </Button>
      </Stack>
    </form>
  );
}

function ConditionMet({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const met = useConditionMet(card.id);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  if (!open) {
    return (
      <Button variant="default" color="red" onClick={() => setOpen(true)} w="fit-content">
        {t('delegation.alert.conditionMet')}
      </Button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        met.mutate({ note });
      }}
      noValidate
    >
      <Stack gap="xs">
        <Textarea
          label={t('delegation.alert.conditionNote')}
          description={t('delegation.alert.conditionNoteHelp')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(met.error, 'note')}
          autosize
          minRows={2}
          maxLength={1000}
          required
        />
        <ErrorAlert error={met.error} fields={['note']} />
        <Group gap="sm">
          <Button type="submit" color="red" loading={met.isPending} disabled={!note.trim()}>
            {t('delegation.alert.conditionConfirm')}
          </Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>
            {t('delegation.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
