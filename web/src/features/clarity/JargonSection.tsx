import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { useJargonLists, useSaveJargon, type JargonLists } from '../../app/jargon.api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';

const LOCALES = ['fr', 'en'] as const;
type Locale = (typeof LOCALES)[number];

const linesOf = (text: string) => text.split('\n');

/** Organisation settings: the jargon list of each language that the clarity check flags (admin edits). */
export function JargonSection() {
  const { t } = useTranslation();
  const lists = useJargonLists();
  if (!lists.data) return null;
  return (
    <Card withBorder component="section" aria-labelledby="jargon-title">
      <Title order={2} size="h3" id="jargon-title" mb="xs">
        {t('clarity.jargonAdmin.heading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('clarity.jargonAdmin.intro')}
      </Text>
      {!lists.data.permissions.update && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('clarity.jargonAdmin.readOnly')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {LOCALES.map((locale) => (
          <JargonForm key={locale} locale={locale} lists={lists.data} />
        ))}
      </SimpleGrid>
    </Card>
  );
}

function JargonForm({ locale, lists }: { locale: Locale; lists: JargonLists }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const save = useSaveJargon();
  const list = lists[locale];
  const [text, setText] = useState(list.terms.join('\n'));
  const [done, setDone] = useState<'saved' | 'resetDone' | null>(null);
  const canEdit = lists.permissions.update;
  const count = linesOf(text).filter((l) => l.trim() !== '').length;
  const id = `jargon-${locale}`;

  // The form then shows the list as the server keeps it (cleaned, or the default one).
  const showSaved = (saved: JargonLists, message: 'saved' | 'resetDone') => {
    setText(saved[locale].terms.join('\n'));
    setDone(message);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    save.mutate({ locale, terms: linesOf(text) }, { onSuccess: (saved) => showSaved(saved, 'saved') });
  };
  const reset = () => {
    setDone(null);
    save.mutate({ locale, terms: null }, { onSuccess: (saved) => showSaved(saved, 'resetDone') });
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-label`}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={600} id={`${id}-label`}>
            {t(`clarity.jargonAdmin.${locale}`)}
          </Text>
          <Badge variant="light" color={list.custom ? 'blue' : 'gray'}>
            {t(list.custom ? 'clarity.jargonAdmin.custom' : 'clarity.jargonAdmin.default')}
          </Badge>
        </Group>
        <Textarea
          id={id}
          label={t('fields.terms')}
          description={t('clarity.jargonAdmin.count', { count })}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={14}
          readOnly={!canEdit}
          spellCheck={false}
        />
        {list.custom && list.updatedAt && list.updatedBy && (
          <Text size="xs" c="dimmed">
            {t('clarity.jargonAdmin.updated', { date: fmt.date(list.updatedAt), name: list.updatedBy.name })}
          </Text>
        )}
        {canEdit && (
          <Group gap="xs">
            <Button type="submit" loading={save.isPending && save.variables?.terms !== null}>
              {t('clarity.jargonAdmin.save')}
            </Button>
            <Button
              variant="default"
              onClick={reset}
              disabled={!list.custom}
              loading={save.isPending && save.variables?.terms === null}
            >
              {t('clarity.jargonAdmin.reset')}
            </Button>
          </Group>
        )}
        {done && (
          <Text size="sm" fw={600} role="status">
            {t(`clarity.jargonAdmin.${done}`)}
          </Text>
        )}
        <ErrorAlert error={save.error} />
      </Stack>
    </form>
  );
}
