import { Group, Radio, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ApiError } from '../../app/api.ts';

const scale = [1, 2, 3, 4, 5] as const;

interface ScaleFieldProps {
  label: string;
  /** i18n prefix whose `v1`…`v5` name each value. */
  valuesKey: string;
  value: number | null;
  onChange: (value: number) => void;
  disabled?: boolean;
  error?: string;
}

/** A 1–5 score as a radio group: each value has a written name, arrow keys move between them. */
export function ScaleField({ label, valuesKey, value, onChange, disabled, error }: ScaleFieldProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={label}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(Number(v))}
      error={error}
      withAsterisk={false}
    >
      <Group gap="sm" mt={6}>
        {scale.map((n) => (
          <Radio key={n} value={String(n)} label={t(`${valuesKey}.v${n}`)} disabled={disabled} />
        ))}
      </Group>
    </Radio.Group>
  );
}

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * A text saved as it is typed (debounced). The other participant's edits, arriving through a refetch,
 * replace the text only while there is nothing unsaved here: what the user types is never lost.
 */
export function useAutosave(serverValue: string, save: (value: string) => Promise<unknown>, delay = 700) {
  const [value, setValue] = useState(serverValue);
  const [synced, setSynced] = useState(serverValue);
  const [previousServer, setPreviousServer] = useState(serverValue);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState('');
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  if (serverValue !== previousServer) {
    setPreviousServer(serverValue);
    if (value === synced) {
      setValue(serverValue);
      setSynced(serverValue);
    }
  }

  useEffect(() => {
    if (value === synced) return;
    const timer = setTimeout(() => {
      setState('saving');
      saveRef.current(value).then(
        () => {
          setSynced(value);
          setState('saved');
        },
        (e: unknown) => {
          setError(e instanceof ApiError ? e.message : String(e));
          setState('error');
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [value, synced, delay]);

  return { value, setValue, state, error };
}

/** "Enregistré" after an autosave, announced politely to screen readers. */
export function SaveStatus({ state, error }: { state: SaveState; error: string }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c={state === 'error' ? 'red.8' : 'dimmed'} role="status" aria-live="polite" mih={18}>
      {state === 'saving' && t('oneOnOnes.save.saving')}
      {state === 'saved' && t('oneOnOnes.save.saved')}
      {state === 'error' && t('oneOnOnes.save.failed', { message: error })}
    </Text>
  );
}

/** `<input type="datetime-local">` value for a date, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** ISO instant of a datetime-local value, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const cadenceLabelKey = (weeks: number) => `oneOnOnes.cadence.weeks${Math.min(4, Math.max(1, weeks))}`;
