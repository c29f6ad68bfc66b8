import { Button, Group, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../app/translator.ts';

export const REVIEW_SECONDS = 15 * 60;

const clock = (seconds: number) => {
  const s = Math.max(0, seconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The visible 15-minute countdown of the weekly review. The time itself is a `timer` (never read aloud
 * each second); only 5 minutes left, 1 minute left and the end are announced, once, politely.
 */
export function ReviewTimer() {
  const { t } = useTranslation();
  const [left, setLeft] = useState(REVIEW_SECONDS);
  const [running, setRunning] = useState(false);
  const [endsAt, setEndsAt] = useState<number | null>(null);

  useEffect(() => {
    if (!running || endsAt === null) return;
    const tick = () => setLeft(Math.max(0, Math.round((endsAt - Date.now()) / 1000)));
    const id = setInterval(tick, 250);
    return () => clearInterval(id);
  }, [running, endsAt]);

  if (running && left === 0) setRunning(false);

  const start = () => {
    setEndsAt(Date.now() + left * 1000);
    setRunning(true);
  };
  const pause = () => setRunning(false);
  const reset = () => {
    setRunning(false);
    setLeft(REVIEW_SECONDS);
  };
  const milestone =
    left === 0
      ? t('okr.timer.over')
      : left <= 60
        ? t('okr.timer.oneMinute')
        : left <= 300
          ? t('okr.timer.fiveMinutes')
          : '';

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="okr-timer-title">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Text id="okr-timer-title" fw={600} size="sm">
            {t('okr.timer.title')}
          </Text>
          <Text
            role="timer"
            aria-live="off"
            aria-label={t('okr.timer.label', { time: clock(left) })}
            fz={32}
            fw={700}
            c={left <= 60 ? 'red.9' : 'blue.9'}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {clock(left)}
          </Text>
        </div>
        <Group gap="xs">
          {running ? (
            <Button variant="default" onClick={pause}>
              {t('okr.timer.pause')}
            </Button>
          ) : (
            <Button onClick={start} disabled={left === 0}>
              {left === REVIEW_SECONDS ? t('okr.timer.start') : t('okr.timer.resume')}
            </Button>
          )}
          <Button variant="subtle" onClick={reset} disabled={left === REVIEW_SECONDS}>
            {t('okr.timer.reset')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" role="status" aria-live="polite" mih={20}>
        {milestone}
      </Text>
    </Paper>
  );
}
