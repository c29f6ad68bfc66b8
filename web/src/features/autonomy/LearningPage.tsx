import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PagedResult } from '../../ui/PagedResult.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFormat } from '../../ui/format.ts';
import classes from '../../ui/ui.module.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { DelegationTabs } from './DelegationTabs.tsx';
import {
  type Bravo,
  type Domain,
  type LearningEntry,
  type LearningKind,
  LEARNING_PAGE_SIZE,
  cardPath,
  useAddLearning,
  useDomains,
  useLearning,
} from './autonomy.api.ts';

// Kept here rather than imported from the contract: a value import would pull zod into this page.
const learningKinds: readonly LearningKind[] = ['debrief', 'error', 'lesson'];

export function LearningPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [domainId, setDomainId] = useState('');
  const [offset, setOffset] = useState(0);
  const domains = useDomains(undefined);
  const learning = useLearning(domainId || undefined, debounced, offset);
  const domainList = (domains.data?.items ?? []).filter((d) => !d.archived);

  return (
    <Stack>
      <PageTitle>{t('learning.title')}</PageTitle>
      <DelegationTabs />
      <Text c="dimmed">{t('learning.intro')}</Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <section aria-labelledby="lg-entries">
              <Title order={2} size="h3" id="lg-entries" mb="sm">
                {t('learning.list.title')}
              </Title>
              <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
                <TextInput
                  type="search"
                  label={t('learning.list.search')}
                  description={t('learning.list.searchHelp')}
                  value={q}
                  onChange={(e) => {
                    setQ(e.currentTarget.value);
                    setOffset(0);
                  }}
                  style={{ flex: '1 1 14rem' }}
                />
                <NativeSelect
                  label={t('learning.list.domain')}
                  value={domainId}
                  onChange={(e) => {
                    setDomainId(e.currentTarget.value);
                    setOffset(0);
                  }}
                  data={[
                    { value: '', label: t('learning.list.allDomains') },
                    ...domainList.map((d) => ({ value: d.id, label: d.name })),
                  ]}
                  style={{ flex: '0 1 14rem' }}
                />
              </Group>
              <PagedResult
                query={learning}
                limit={LEARNING_PAGE_SIZE}
                offset={offset}
                onOffsetChange={setOffset}
                label={t('learning.list.pagination')}
              >
                {(page) => (
                  <>
                    <Text size="sm" c="dimmed" aria-live="polite" mb="xs">
                      {t('learning.list.count', { count: page.total })}
                    </Text>
                    {page.items.length === 0 ? (
                      <Alert color="gray">
                        {debounced || domainId ? t('learning.list.noMatch') : t('learning.list.empty')}
                      </Alert>
                    ) : (
                      <Stack component="ul" gap="xs" p={0} m={0} mb="sm" style={{ listStyle: 'none' }}>
                        {page.items.map((e) => (
                          <EntryCard key={e.id} entry={e} />
                        ))}
                      </Stack>
                    )}
                  </>
                )}
              </PagedResult>
            </section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder component="section" aria-labelledby="lg-new">
              <Title order={2} size="h3" id="lg-new" mb={4}>
                {t('learning.form.title')}
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                {t('learning.form.intro')}
              </Text>
              <LearningForm domains={domainList} />
            </Card>
            <Card withBorder component="section" aria-labelledby="lg-bravos">
              <Title order={2} size="h3" id="lg-bravos" mb={4}>
                {t('learning.bravos.title')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('learning.bravos.help')}
              </Text>
              <Bravos bravos={learning.data?.bravos ?? []} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function EntryCard({ entry }: { entry: LearningEntry }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere', flex: '1 1 12rem' }}>
          {entry.title}
        </Title>
        <Group gap={6}>
          <Badge variant="outline" color={entry.kind === 'error' ? 'red.9' : 'blue.9'}>
            {t(`learning.kinds.${entry.kind}`)}
          </Badge>
          {entry.private && (
            <Badge variant="outline" color="gray.8">
              {t('learning.private')}
            </Badge>
          )}
        </Group>
      </Group>
      {entry.body && (
        <Text size="sm" mt={4} className={classes.preWrap}>
          {entry.body}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={6}>
        {t('learning.meta', { name: entry.author.name, date: fmt.date(entry.createdAt) })}
        {entry.domain ? ` · ${entry.domain.name}` : ''}
      </Text>
      {entry.cardId && (
        <Anchor component={Link} to={cardPath(entry.cardId)} size="sm">
          {t('learning.card')}
        </Anchor>
      )}
    </Card>
  );
}

function Bravos({ bravos }: { bravos: Bravo[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (bravos.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('learning.bravos.empty')}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {bravos.map((b) => (
        <li key={b.id}>
          <Text size="sm" fw={600}>
            {t('learning.bravos.item', { from: b.from.name, to: b.to.name })}
          </Text>
          <Text size="sm" className={classes.preWrap}>
            {b.message}
          </Text>
          <Text size="xs" c="dimmed">
            {fmt.date(b.createdAt)} ·{' '}
            <Anchor component={Link} to={cardPath(b.card.id)} size="xs">
              {b.card.outcome}
            </Anchor>
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function LearningForm({ domains }: { domains: Domain[] }) {
  const { t } = useTranslation();
  const add = useAddLearning();
  const kindId = useId();
  const empty = { kind: 'lesson' as LearningKind, title: '', body: '', domainId: '', private: false };
  const [form, setForm] = useState(empty);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const [titleError, setTitleError] = useState<string>();
  const fields = ['kind', 'title', 'body', 'domainId', 'private'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.title.trim()) {
      setTitleError(t('learning.form.titleRequired'));
      return;
    }
    setTitleError(undefined);
    add.mutate(
      {
        kind: form.kind,
        title: form.title.trim(),
        body: form.body.trim(),
        domainId: form.domainId || null,
        private: form.private,
      },
      {
        onSuccess: () => {
          setForm(empty);
          notifications.show({
            message: t('learning.form.added'),
            color: 'green',
            closeButtonProps: { 'aria-label': t('ui.close') },
          });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={add.error} fields={fields} />
        <div>
          <Text size="sm" fw={500} id={kindId} mb={4}>
            {t('learning.form.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby={kindId}
            value={form.kind}
            onChange={(v) => set('kind', learningKinds.find((k) => k === v) ?? 'lesson')}
            data={learningKinds.map((k) => ({ value: k, label: t(`learning.kinds.${k}`) }))}
          />
        </div>
        <TextInput
          label={t('learning.form.titleField')}
          description={t('learning.form.titleHelp')}
          value={form.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={titleError ?? fieldError(add.error, 'title')}
          maxLength={300}
          required
        />
        <Textarea
          label={t('learning.form.body')}
          description={t('learning.form.bodyHelp')}
          value={form.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          error={fieldError(add.error, 'body')}
          maxLength={5000}
          autosize
          minRows={3}
        />
        <NativeSelect
          label={t('learning.form.domain')}
          value={form.domainId}
          onChange={(e) => set('domainId', e.currentTarget.value)}
          data={[
            { value: '', label: t('learning.form.noDomain') },
            ...domains.map((d) => ({ value: d.id, label: d.name })),
          ]}
          error={fieldError(add.error, 'domainId')}
        />
        <Switch
          label={t('learning.form.private')}
          description={t('learning.form.privateHelp')}
          checked={form.private}
          onChange={(e) => set('private', e.currentTarget.checked)}
        />
        <Button type="submit" loading={add.isPending} w="fit-content">
          {t('learning.form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
