import {
  Alert,
  Badge,
  Blockquote,
  Button,
  CloseButton,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useEffect, useId, useState } from 'react';
import type { TFunction } from '../../app/translator.ts';
import { useTranslation } from '../../app/translator.ts';
import {
  PITCH_TARGET_SECONDS,
  budgetState,
  countWords,
  spokenSeconds,
} from '../../../../core/domain/pitch.ts';
import { fieldError } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import type { Mark } from './clarity.api.ts';

export const tierKeys = ['good', 'better', 'best'] as const;

/** The name of a passage of a reviewed item (see `passage` in core/api/clarity.schemas.ts). */
export function passageLabel(t: TFunction, field: string): string {
  const parts = field.split('.');
  if (parts[0] === 'tiers' && parts.length >= 3) {
    const tier = t(`clarityTools.offer.tiers.${tierKeys[Number(parts[1])] ?? 'good'}`);
    if (parts[2] === 'benefits') return t('clarityTools.passage.benefit', { tier, n: Number(parts[3]) + 1 });
    return t(`clarityTools.passage.tier.${parts[2]}`, { tier });
  }
  if (parts[0] === 'keyResults') return t('clarityTools.passage.keyResult', { n: Number(parts[1]) + 1 });
  return t(`clarityTools.passage.${parts[0]}`);
}

/** Words used against the budget and the estimated time to say them, updated as the text is typed. */
export function WordMeter({ text, budget, id }: { text: string; budget: number; id?: string }) {
  const { t } = useTranslation();
  const words = countWords(text);
  const state = budgetState(words, budget);
  const color = state === 'over' ? 'red.9' : state === 'near' ? 'dark' : 'dimmed';
  return (
    <Text id={id} size="sm" c={color} fw={state === 'over' ? 600 : undefined}>
      {t('clarityTools.pitch.meter', { words, budget, seconds: spokenSeconds(words) })}
      {state === 'over' && ` · ${t('clarityTools.pitch.over', { count: words - budget })}`}
    </Text>
  );
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * The rehearsal stopwatch: say the pitch aloud against a 30-second target. The time is a `timer` that is
 * never read aloud each second; only the result is announced when it stops. No animation when the user
 * asks for reduced motion.
 */
export function RehearsalTimer({ target = PITCH_TARGET_SECONDS }: { target?: number }) {
  const { t } = useTranslation();
  const reduceMotion = useReducedMotion();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [result, setResult] = useState('');
  const titleId = useId();

  useEffect(() => {
    if (startedAt === null) return;
    const tick = () => setElapsed(Math.floor((Date.now() - startedAt) / 1000));
    const id = setInterval(tick, 250);
    return () => clearInterval(id);
  }, [startedAt]);

  const start = () => {
    setResult('');
    setElapsed(0);
    setStartedAt(Date.now());
  };
  const stop = () => {
    const seconds = startedAt === null ? elapsed : Math.floor((Date.now() - startedAt) / 1000);
    setStartedAt(null);
    setElapsed(seconds);
    setResult(
      seconds <= target
        ? t('clarityTools.timer.within', { seconds, target })
        : t('clarityTools.timer.over', { seconds, count: seconds - target }),
    );
  };
  const running = startedAt !== null;
  const over = elapsed > target;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
        <div>
          <Title order={2} size="h4" id={titleId}>
            {t('clarityTools.timer.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('clarityTools.timer.intro', { target })}
          </Text>
          <Text
            role="timer"
            aria-live="off"
            aria-label={t('clarityTools.timer.label', { time: clock(elapsed), target })}
            fz={32}
            fw={700}
            c={over ? 'red.9' : 'blue.9'}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {clock(elapsed)}
          </Text>
        </div>
        <Group gap="xs">
          {running ? (
            <Button onClick={stop}>{t('clarityTools.timer.stop')}</Button>
          ) : (
            <Button onClick={start}>
              {elapsed === 0 ? t('clarityTools.timer.start') : t('clarityTools.timer.again')}
            </Button>
          )}
        </Group>
      </Group>
      <Progress
        value={Math.min(100, (elapsed / target) * 100)}
        color={over ? 'red.9' : 'blue.8'}
        mt="xs"
        aria-hidden
        transitionDuration={reduceMotion ? 0 : 200}
      />
      <Text size="sm" role="status" aria-live="polite" mih={20} mt={4}>
        {result}
      </Text>
    </Paper>
  );
}

/** A draft kept in this browser was put back in the form. */
export function DraftNotice({ onDiscard, onDismiss }: { onDiscard: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="blue"
      title={t('clarityTools.draft.restored')}
      withCloseButton
      onClose={onDismiss}
      closeButtonLabel={t('clarityTools.draft.dismiss')}
    >
      <Group gap="sm" justify="space-between">
        <Text size="sm">{t('clarityTools.draft.help')}</Text>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t('clarityTools.draft.discard')}
        </Button>
      </Group>
    </Alert>
  );
}

/** One mark of a review: the quoted passage the reader did not understand, and their comment. */
export function MarkItem({
  mark,
  onRemove,
  removing,
}: {
  mark: Mark;
  onRemove?: () => void;
  removing?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" component="li">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          {mark.kind === 'unclear' ? (
            <>
              <Group gap="xs">
                <Badge color="red.9" variant="outline">
                  {t('clarityTools.review.unclear')}
                </Badge>
                {mark.field && (
                  <Text size="xs" c="dimmed">
                    {passageLabel(t, mark.field)}
                  </Text>
                )}
              </Group>
              <Blockquote p="xs" color="orange" style={{ overflowWrap: 'anywhere' }}>
                {mark.excerpt}
              </Blockquote>
            </>
          ) : (
            <Badge color="gray.8" variant="outline">
              {t('clarityTools.review.comment')}
            </Badge>
          )}
          {mark.comment && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {mark.comment}
            </Text>
          )}
        </Stack>
        {onRemove && (
          <CloseButton
            aria-label={t('clarityTools.review.removeMark')}
            onClick={onRemove}
            disabled={removing}
          />
        )}
      </Group>
    </Paper>
  );
}

/** Who may read the item (read only): people of the organisation picked one by one. */
export function SharePanel({
  shared,
  onChange,
  pending,
  error,
}: {
  shared: { id: string; name: string }[];
  onChange: (ids: string[]) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [picked, setPicked] = useState<string | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const ids = shared.map((s) => s.id);
  const add = () => {
    if (!picked || ids.includes(picked)) return;
    onChange([...ids, picked]);
    setPicked(null);
    setPickerKey((k) => k + 1);
  };
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('clarityTools.share.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('clarityTools.share.intro')}
      </Text>
      {shared.length === 0 ? (
        <Text size="sm" mb="sm">
          {t('clarityTools.share.none')}
        </Text>
      ) : (
        <Group component="ul" gap="xs" p={0} m={0} mb="sm" style={{ listStyle: 'none' }}>
          {shared.map((s) => (
            <Badge
              component="li"
              key={s.id}
              variant="outline"
              color="blue.9"
              size="lg"
              tt="none"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('clarityTools.share.remove', { name: s.name })}
                  onClick={() => onChange(ids.filter((x) => x !== s.id))}
                  disabled={pending}
                />
              }
            >
              {s.name}
            </Badge>
          ))}
        </Group>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <PersonPicker
            key={pickerKey}
            label={t('clarityTools.share.person')}
            value={picked}
            onChange={setPicked}
            excludeId={me.person.id}
            error={fieldError(error, 'sharedWith')}
          />
        </div>
        <Button variant="default" onClick={add} disabled={!picked} loading={pending}>
          {t('clarityTools.share.add')}
        </Button>
      </Group>
      <ErrorAlert error={error} fields={['sharedWith']} />
    </Paper>
  );
}
