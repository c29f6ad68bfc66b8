import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import classes from '../../ui/ui.module.css';
import {
  type Domain,
  type DomainList,
  useCreateDomain,
  useDomains,
  useTeamSettings,
  useUpdateDomain,
} from './autonomy.api.ts';

const toast = (message: string, close: string) =>
  notifications.show({ message, color: 'green', closeButtonProps: { 'aria-label': close } });

/** The team's decision domains and its weekly review share; editable by the team lead. */
export function DomainsSection({ teamLeadId }: { teamLeadId: string }) {
  const { t } = useTranslation();
  const domains = useDomains(teamLeadId);
  const [showArchived, setShowArchived] = useState(false);
  if (domains.isPending) return <PageLoader />;
  if (domains.isError) return <ErrorAlert error={domains.error} />;
  const list = domains.data;
  const manage = list.permissions.manage;
  const active = list.items.filter((d) => !d.archived);
  const archived = list.items.filter((d) => d.archived);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder component="section" aria-labelledby="au-domains">
        <Title order={2} size="h3" id="au-domains" mb={4}>
          {t('autonomy.domains.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('autonomy.domains.help')}
        </Text>
        {active.length === 0 ? (
          <Alert color="gray" mb="sm">
            {manage ? t('autonomy.domains.emptyManage') : t('autonomy.domains.empty')}
          </Alert>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} mb="sm" style={{ listStyle: 'none' }}>
            {active.map((d) => (
              <DomainRow key={d.id} domain={d} manage={manage} />
            ))}
          </Stack>
        )}
        {archived.length > 0 && (
          <>
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              onClick={() => setShowArchived((v) => !v)}
              aria-expanded={showArchived}
              mb="xs"
            >
              {showArchived
                ? t('autonomy.domains.hideArchived')
                : t('autonomy.domains.showArchived', { count: archived.length })}
            </Button>
            {showArchived && (
              <Stack component="ul" gap="xs" p={0} m={0} mb="sm" style={{ listStyle: 'none' }}>
                {archived.map((d) => (
                  <DomainRow key={d.id} domain={d} manage={manage} />
                ))}
              </Stack>
            )}
          </>
        )}
        {manage && <NewDomainForm teamLeadId={teamLeadId} />}
      </Card>
      <SampleShareCard teamLeadId={teamLeadId} list={list} />
    </SimpleGrid>
  );
}

function DomainRow({ domain, manage }: { domain: Domain; manage: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateDomain();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(domain.name);
  const [description, setDescription] = useState(domain.description);
  const [nameError, setNameError] = useState<string>();

  if (editing) {
    const save = (event: FormEvent) => {
      event.preventDefault();
      if (!name.trim()) {
        setNameError(t('autonomy.domains.nameRequired'));
        return;
      }
      setNameError(undefined);
      update.mutate(
        { id: domain.id, name: name.trim(), description: description.trim() },
        {
          onSuccess: () => {
            setEditing(false);
            toast(t('autonomy.domains.saved'), t('ui.close'));
          },
        },
      );
    };
    return (
      <Card component="li" withBorder padding="sm">
        <form onSubmit={save} noValidate>
          <Stack gap="xs">
            <ErrorAlert error={update.error} fields={['name', 'description']} />
            <TextInput
              label={t('autonomy.domains.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError ?? fieldError(update.error, 'name')}
              maxLength={120}
              required
              data-autofocus
            />
            <Textarea
              label={t('autonomy.domains.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={fieldError(update.error, 'description')}
              maxLength={500}
              autosize
              minRows={2}
            />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={update.isPending}>
                {t('autonomy.domains.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('autonomy.domains.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    );
  }

  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <div style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Group gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {domain.name}
            </Text>
            {domain.archived && (
              <Badge size="sm" variant="outline" color="gray">
                {t('autonomy.domains.archived')}
              </Badge>
            )}
          </Group>
          {domain.description && (
            <Text size="sm" c="dimmed" className={classes.preWrap}>
              {domain.description}
            </Text>
          )}
        </div>
        {manage && (
          <Group gap="xs">
            {!domain.archived && (
              <Button
                size="xs"
                variant="default"
                onClick={() => setEditing(true)}
                aria-label={t('autonomy.domains.renameNamed', { name: domain.name })}
              >
                {t('autonomy.domains.rename')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              loading={update.isPending}
              onClick={() => update.mutate({ id: domain.id, archived: !domain.archived })}
              aria-label={t(
                domain.archived ? 'autonomy.domains.restoreNamed' : 'autonomy.domains.archiveNamed',
                {
                  name: domain.name,
                },
              )}
            >
              {domain.archived ? t('autonomy.domains.restore') : t('autonomy.domains.archive')}
            </Button>
          </Group>
        )}
      </Group>
      {update.isError && !editing && <ErrorAlert error={update.error} />}
    </Card>
  );
}

function NewDomainForm({ teamLeadId }: { teamLeadId: string }) {
  const { t } = useTranslation();
  const create = useCreateDomain();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('autonomy.domains.nameRequired'));
      return;
    }
    setNameError(undefined);
    create.mutate(
      { teamLeadId, name: name.trim(), description: description.trim() },
      {
        onSuccess: (d) => {
          setName('');
          setDescription('');
          toast(t('autonomy.domains.created', { name: d.name }), t('ui.close'));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="au-new-domain">
      <Stack gap="xs">
        <Title order={3} size="h5" id="au-new-domain">
          {t('autonomy.domains.newTitle')}
        </Title>
        <ErrorAlert error={create.error} fields={['name', 'description']} />
        <TextInput
          label={t('autonomy.domains.name')}
          description={t('autonomy.domains.nameHelp')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError ?? fieldError(create.error, 'name')}
          maxLength={120}
          required
        />
        <Textarea
          label={t('autonomy.domains.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldError(create.error, 'description')}
          maxLength={500}
          autosize
          minRows={2}
        />
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('autonomy.domains.add')}
        </Button>
      </Stack>
    </form>
  );
}

function SampleShareCard({ teamLeadId, list }: { teamLeadId: string; list: DomainList }) {
  const { t } = useTranslation();
  const save = useTeamSettings(teamLeadId);
  const current = Math.round(list.sampleShare * 100);
  const [value, setValue] = useState<number | string>(current);
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(value);
    if (!Number.isFinite(n) || n < 5 || n > 100) {
      setError(t('autonomy.sampleShare.range'));
      return;
    }
    setError(undefined);
    save.mutate(n / 100, { onSuccess: () => toast(t('autonomy.sampleShare.saved'), t('ui.close')) });
  };

  return (
    <Card withBorder component="section" aria-labelledby="au-sample">
      <Title order={2} size="h3" id="au-sample" mb={4}>
        {t('autonomy.sampleShare.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('autonomy.sampleShare.help')}
      </Text>
      {list.permissions.manage ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <ErrorAlert error={save.error} fields={['sampleShare']} />
            <NumberInput
              label={t('autonomy.sampleShare.label')}
              description={t('autonomy.sampleShare.labelHelp')}
              value={value}
              onChange={setValue}
              min={5}
              max={100}
              step={5}
              suffix=" %"
              clampBehavior="none"
              allowDecimal={false}
              error={error ?? fieldError(save.error, 'sampleShare')}
              maw={220}
            />
            <Button type="submit" loading={save.isPending} w="fit-content">
              {t('autonomy.sampleShare.save')}
            </Button>
          </Stack>
        </form>
      ) : (
        <Text fw={600}>{t('autonomy.sampleShare.value', { value: current })}</Text>
      )}
    </Card>
  );
}
