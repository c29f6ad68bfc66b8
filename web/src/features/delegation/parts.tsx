import { Badge, Card, Group, Input, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { type CardDetail, type CardSummary, LEVELS } from './delegation.api.ts';
import classes from './delegation.module.css';
import { dateFormat, relativeTime } from '../../ui/intl.ts';

/** "4 · S'accorder": the number and its name, never the number alone. */
export function useLevelLabel() {
  const { t } = useTranslation();
  return (level: number) =>
    t('delegation.level.label', { level, name: t(`delegation.levels.${level}.name`) });
}

export function LevelBadge({ level }: { level: number }) {
  const label = useLevelLabel();
  return (
    <Badge variant="light" color="blue" tt="none">
      {label(level)}
    </Badge>
  );
}

const statusColor: Record<CardSummary['status'], string> = {
  proposed: 'yellow',
  accepted: 'blue',
  in_progress: 'blue',
  done: 'green',
  declined: 'gray',
};

export function StatusBadge({ status }: { status: CardSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColor[status]} c="gray.9" tt="none">
      {t(`delegation.status.${status}`)}
    </Badge>
  );
}

/** What needs attention on a card, as short badges (nothing when all is calm). */
export function CardFlags({ card }: { card: CardSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {card.alertRaised && (
        <Badge variant="filled" color="red.9" tt="none">
          {t('delegation.flags.alert')}
        </Badge>
      )}
      {card.overdue && (
        <Badge variant="light" color="orange" c="gray.9" tt="none">
          {t('delegation.flags.overdue')}
        </Badge>
      )}
      {card.missedCheckpoints > 0 && (
        <Badge variant="light" color="red" c="gray.9" tt="none">
          {t('delegation.flags.missed', { count: card.missedCheckpoints })}
        </Badge>
      )}
      {card.openValidations > 0 && (
        <Badge variant="light" color="yellow" c="gray.9" tt="none">
          {t('delegation.flags.validations', { count: card.openValidations })}
        </Badge>
      )}
    </>
  );
}

interface LevelPickerProps {
  value: number | null;
  onChange: (level: number) => void;
  error?: string;
  /** The person's current level in the domain, marked on the scale. */
  currentLevel?: number | null;
}

/**
 * The seven autonomy levels as native radio buttons (arrow keys move between them), each with its name,
 * its one-line meaning and a gauge of how much the person decides.
 */
export function LevelPicker({ value, onChange, error, currentLevel }: LevelPickerProps) {
  const { t } = useTranslation();
  const name = useId();
  const labelId = `${name}-label`;
  const descId = `${name}-desc`;
  const errorId = `${name}-error`;
  return (
    <div
      role="radiogroup"
      aria-labelledby={labelId}
      aria-describedby={error ? `${descId} ${errorId}` : descId}
      aria-invalid={error ? true : undefined}
      aria-required
    >
      <Input.Label id={labelId} component="div">
        {t('delegation.form.level')}
      </Input.Label>
      <Input.Description id={descId} mb={6}>
        {t('delegation.form.levelHelp')}
      </Input.Description>
      <div className={classes.scaleEnds} aria-hidden>
        <span>{t('delegation.level.managerEnd')}</span>
        <span>{t('delegation.level.personEnd')}</span>
      </div>
      <ul className={classes.scale}>
        {LEVELS.map((level) => (
          <li key={level}>
            <label className={classes.level}>
              <input
                type="radio"
                name={name}
                value={level}
                checked={value === level}
                onChange={() => onChange(level)}
              />
              <span className={classes.levelText}>
                <span className={classes.levelName}>
                  {t('delegation.level.label', { level, name: t(`delegation.levels.${level}.name`) })}
                </span>
                {currentLevel === level && (
                  <Text component="span" size="xs" c="blue.9" fw={600} ml={6}>
                    {t('delegation.level.current')}
                  </Text>
                )}
                <span className={classes.levelMeaning}>{t(`delegation.levels.${level}.meaning`)}</span>
              </span>
              <span className={classes.gauge} aria-hidden>
                {LEVELS.map((n) => (
                  <span key={n} data-on={n <= level ? '' : undefined} />
                ))}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <Input.Error id={errorId} mt={6}>
          {error}
        </Input.Error>
      )}
    </div>
  );
}

const steps = ['proposed', 'accepted', 'in_progress', 'done', 'debrief'] as const;

/** Where the card stands: proposed → accepted → in progress → done → debrief (or declined). */
export function StatusSteps({ card }: { card: CardDetail }) {
  const { t } = useTranslation();
  const short = useShortDate();
  const reached: Record<(typeof steps)[number], string | null> = {
    proposed: card.createdAt,
    accepted: card.acceptedAt,
    in_progress: card.startedAt,
    done: card.doneAt,
    debrief: card.debrief?.at ?? null,
  };
  // Once debriefed every step is behind: nothing is current any more.
  const currentIndex = card.debrief ? steps.length : steps.indexOf(card.status as (typeof steps)[number]);
  const shown = card.status === 'declined' ? (['proposed', 'declined'] as const) : steps;
  return (
    <ol className={classes.steps} aria-label={t('delegation.steps.label')}>
      {shown.map((step, i) => {
        const state =
          step === 'declined'
            ? 'declined'
            : card.status === 'declined'
              ? 'done'
              : i < currentIndex
                ? 'done'
                : i === currentIndex
                  ? 'current'
                  : 'todo';
        const at = step === 'declined' ? null : reached[step];
        return (
          <li
            key={step}
            className={classes.step}
            data-state={state}
            aria-current={state === 'current' || state === 'declined' ? 'step' : undefined}
          >
            <span className={classes.stepDot} aria-hidden>
              {i + 1}
            </span>
            <span>
              {t(`delegation.steps.${step}`)}
              {at && state !== 'todo' && (
                <Text component="span" size="xs" c="dimmed" ml={4}>
                  {short(at)}
                </Text>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function PersonLine({ card }: { card: CardSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm">
        {t('delegation.card.fromTo', { from: card.delegator.name, to: card.assignee.name })}
      </Text>
    </Group>
  );
}

/** Today as `YYYY-MM-DD` in the browser's time zone (what a date input shows). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A calendar date (`YYYY-MM-DD`) in the UI language, read as a local date (no shift across time zones). */
export function useDay() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'fr';
  return (day: string) => {
    const [y, m, d] = day.slice(0, 10).split('-').map(Number);
    return dateFormat(lang, { dateStyle: 'long' }).format(new Date(y!, (m ?? 1) - 1, d ?? 1));
  };
}

/** "12 mars": a short day for an instant, in the UI language. */
export function useShortDate() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'fr';
  return (iso: string) => dateFormat(lang, { day: 'numeric', month: 'short' }).format(new Date(iso));
}

/** "il y a 5 minutes": how long ago, in the UI language. */
export function useAgo() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'fr';
  return (iso: string, now = Date.now()) => relativeTime(lang, iso, now);
}

export interface PanelProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  highlight?: boolean;
  /** Heading level: 3 inside a dialog, whose title is the h2. */
  order?: 2 | 3;
}

/** A titled card section; its heading names the landmark. */
export function Panel({ title, intro, children, highlight, order = 2 }: PanelProps) {
  const id = useId();
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby={id}
      style={highlight ? { borderColor: 'var(--mantine-color-blue-8)', borderWidth: 2 } : undefined}
    >
      <Title order={order} size={order === 3 ? 'h4' : 'h3'} id={id} mb="xs">
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb="sm">
          {intro}
        </Text>
      )}
      {children}
    </Card>
  );
}
