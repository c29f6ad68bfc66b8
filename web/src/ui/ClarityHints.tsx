import { Box, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from '../app/translator.ts';
import {
  checkClarity,
  type ClarityFinding,
  type ClarityKind,
  type ClarityLocale,
} from '../../../core/domain/clarity.ts';
import { useJargonLists } from '../app/jargon.api.ts';

interface ClarityHintsProps {
  /** The text being written (checked ~250 ms after the last keystroke). */
  text: string;
  kind: ClarityKind;
  /** A jargon list to use instead of the organisation's (tests, previews). */
  jargon?: readonly string[];
  /** Id of the hints, for the field's aria-describedby. */
  id?: string;
}

const findingKey = (f: ClarityFinding, i: number) => `${f.code}-${f.start ?? i}`;

/**
 * The clarity check under a field: task instead of result, no number, no unit, no date, jargon, long
 * sentences — each with what to write instead. It advises and never blocks: nothing here stops a save.
 */
export function ClarityHints({ text, kind, jargon, id }: ClarityHintsProps) {
  const { t, i18n } = useTranslation();
  const [debounced] = useDebouncedValue(text, 250);
  const locale: ClarityLocale = i18n.language?.startsWith('en') ? 'en' : 'fr';
  // The organisation's own list of this language when it has one, else the default list.
  const lists = useJargonLists();
  const own = lists.data?.[locale];
  const list = jargon ?? (own?.custom ? own.terms : undefined);
  const findings = useMemo(
    () => checkClarity(debounced, { locale, kind, jargon: list }),
    [debounced, locale, kind, list],
  );
  const written = debounced.trim() !== '';

  // The live region stays mounted so that screen readers announce what changes in it.
  return (
    <Box id={id} aria-live="polite" mt={4}>
      {findings.length > 0 ? (
        <>
          <Text size="xs" fw={600} c="dimmed">
            {t('clarity.heading')}
          </Text>
          <List size="sm" spacing={4} mt={2}>
            {findings.map((f, i) => (
              <List.Item key={findingKey(f, i)}>
                <Text size="sm" span>
                  {t(`clarity.${f.code}.message`, { words: f.words.join(', '), ...f.params })}
                </Text>{' '}
                <Text size="sm" c="dimmed" span>
                  {t(`clarity.${f.code}.suggestion`, { ...f.params })}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      ) : (
        written && (
          <Text size="xs" c="dimmed">
            {t('clarity.noFinding')}
          </Text>
        )
      )}
    </Box>
  );
}
