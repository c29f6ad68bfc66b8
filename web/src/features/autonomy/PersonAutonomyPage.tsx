import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFormat } from '../../ui/format.ts';
import classes from '../../ui/ui.module.css';
import { usePerson } from '../people/people.api.ts';
import { IndicatorHeadline, LEVELS, LevelBadge, PeriodControl, useDay } from './AutonomyBits.tsx';
import { DelegationTabs } from './DelegationTabs.tsx';
import {
  type Domain,
  type PersonAutonomy,
  type Period,
  cardPath,
  useDomains,
  useLogInitiative,
  usePersonAutonomy,
  useSetLevel,
} from './autonomy.api.ts';
import auClasses from './autonomy.module.css';

export function PersonAutonomyPage() {
  const { id } = useParams({ from: '/app/autonomy/people/$id' });
  return <PersonAutonomyView key={id} id={id} />;
}

interface ViewProps {
  id: string;
  /** A line above the page (e.g. why the team page shows one's own autonomy). */
  note?: string;
  /** The delegation sub-navigation (on by default). */
  withTabs?: boolean;
}

export function PersonAutonomyView({ id, note, withTabs = true }: ViewProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [period, setPeriod] = useState<Period>(90);
  const data = usePersonAutonomy(id, period);
  const self = id === me.person.id;

  const title = self
    ? t('autonomy.person.titleSelf')
    : data.data
      ? t('autonomy.person.title', { name: data.data.person.name })
      : t('autonomy.person.titleLoading');

  return (
    <Stack>
      <PageTitle
        actions={
          !self && (
            <Anchor component={Link} to="/autonomy">
              {t('autonomy.person.back')}
            </Anchor>
          )
        }
      >
        {title}
      </PageTitle>
      {withTabs && <DelegationTabs />}
      {note && <Alert color="gray">{note}</Alert>}
      <PeriodControl value={period} onChange={setPeriod} />
      {data.isPending && <PageLoader />}
      {data.isError && <ErrorAlert error={data.error} />}
      {data.data && <PersonBody autonomy={data.data} period={period} self={self} />}
    </Stack>
  );
}

function PersonBody({ autonomy, period, self }: { autonomy: PersonAutonomy; period: Period; self: boolean }) {
  const { t } = useTranslation();
  // The person's domains are their team's: the team of their manager.
  const person = usePerson(autonomy.person.id);
  const teamLeadId = person.data?.manager?.id;
  const domains = useDomains(teamLeadId, person.isSuccess && teamLeadId !== undefined);
  const known = new Map<string, { id: string; name: string }>();
  for (const d of domains.data?.items ?? []) if (!d.archived) known.set(d.id, d);
  for (const l of autonomy.levels) if (!known.has(l.domain.id)) known.set(l.domain.id, l.domain);
  const domainOptions = [...known.values()];

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="au-person-indicator">
          <Title order={2} size="h3" id="au-person-indicator" mb={4}>
            {t('autonomy.person.indicator')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('autonomy.person.indicatorHelp', { days: period })}
          </Text>
          <IndicatorHeadline indicator={autonomy.indicator} title={t('autonomy.person.indicator')} />
        </Card>
        <LevelsCard autonomy={autonomy} domains={domainOptions} />
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="au-history">
        <Title order={2} size="h3" id="au-history" mb="sm">
          {t('autonomy.history.title')}
        </Title>
        <History autonomy={autonomy} />
      </Card>

      <Card withBorder component="section" aria-labelledby="au-initiatives">
        <Title order={2} size="h3" id="au-initiatives" mb={4}>
          {t('autonomy.initiatives.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('autonomy.initiatives.help')}
        </Text>
        {autonomy.permissions.logInitiative && self && (
          <>
            <InitiativeForm domains={domainOptions} personId={autonomy.person.id} />
            <Title order={3} size="h4" mt="lg" mb="xs">
              {t('autonomy.initiatives.listTitle')}
            </Title>
          </>
        )}
        <Initiatives autonomy={autonomy} />
      </Card>
    </>
  );
}

function LevelsCard({
  autonomy,
  domains,
}: {
  autonomy: PersonAutonomy;
  domains: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [editing, setEditing] = useState<string | null>(null);
  const levelOf = new Map(autonomy.levels.map((l) => [l.domain.id, l.level]));
  return (
    <Card withBorder component="section" aria-labelledby="au-levels">
      <Title order={2} size="h3" id="au-levels" mb={4}>
        {t('autonomy.person.levels')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('autonomy.person.levelsHelp')}
      </Text>
      {autonomy.levels.length === 0 && (
        <Alert color="gray" mb="sm">
          {t('autonomy.person.noLevels')}
        </Alert>
      )}
      {autonomy.levels.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} mb="sm" style={{ listStyle: 'none' }}>
          {autonomy.levels.map((l) => (
            <li key={l.domain.id}>
              <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
                <div style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {l.domain.name}
                  </Text>
                  <Group gap="xs" mt={2}>
                    <LevelBadge level={l.level} />
                    <Text size="xs" c="dimmed">
                      {t('autonomy.person.since', { date: fmt.date(l.updatedAt) })}
                    </Text>
                  </Group>
                  <Text size="sm" mt={2}>
                    {t(`autonomy.levels.${l.level}.meaning`)}
                  </Text>
                </div>
                {autonomy.permissions.setLevel && editing !== l.domain.id && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(l.domain.id)}
                    aria-label={t('autonomy.setLevel.changeNamed', { domain: l.domain.name })}
                  >
                    {t('autonomy.setLevel.change')}
                  </Button>
                )}
              </Group>
              {editing === l.domain.id && (
                <SetLevelForm
                  personId={autonomy.person.id}
                  domains={domains}
                  domainId={l.domain.id}
                  levelOf={levelOf}
                  onDone={() => setEditing(null)}
                />
              )}
            </li>
          ))}
        </Stack>
      )}
      {autonomy.permissions.setLevel &&
        (editing === 'new' ? (
          <SetLevelForm
            personId={autonomy.person.id}
            domains={domains}
            domainId=""
            levelOf={levelOf}
            onDone={() => setEditing(null)}
          />
        ) : (
          <Button variant="default" size="sm" w="fit-content" onClick={() => setEditing('new')}>
            {t('autonomy.setLevel.open')}
          </Button>
        ))}
    </Card>
  );
}

function SetLevelForm({
  personId,
  domains,
  domainId: initialDomain,
  levelOf,
  onDone,
}: {
  personId: string;
  domains: { id: string; name: string }[];
  domainId: string;
  levelOf: Map<string, number>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const setLevel = useSetLevel(personId);
  const [domainId, setDomainId] = useState(initialDomain);
  const [level, setLevelValue] = useState(String(levelOf.get(initialDomain) ?? ''));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ domainId?: string; level?: string; reason?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!domainId) next.domainId = t('autonomy.setLevel.domainRequired');
    if (!level) next.level = t('autonomy.setLevel.levelRequired');
    if (!reason.trim()) next.reason = t('autonomy.setLevel.reasonRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setLevel.mutate(
      { domainId, level: Number(level), reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            message: t('autonomy.setLevel.saved'),
            color: 'green',
            closeButtonProps: { 'aria-label': t('ui.close') },
          });
          onDone();
        },
      },
    );
  };

  const current = levelOf.get(domainId);
  return (
    <form onSubmit={submit} noValidate style={{ marginTop: '0.5rem' }}>
      <Card withBorder padding="sm" bg="gray.0">
        <Stack gap="xs">
          <ErrorAlert error={setLevel.error} fields={['level', 'reason']} />
          <NativeSelect
            label={t('autonomy.setLevel.domain')}
            value={domainId}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDomainId(v);
              setLevelValue(String(levelOf.get(v) ?? ''));
            }}
            data={[
              { value: '', label: t('autonomy.setLevel.domainPlaceholder') },
              ...domains.map((d) => ({ value: d.id, label: d.name })),
            ]}
            error={errors.domainId}
            description={domains.length === 0 ? t('autonomy.setLevel.noDomains') : undefined}
            required
          />
          <NativeSelect
            label={t('autonomy.setLevel.level')}
            description={
              level
                ? t(`autonomy.levels.${level}.meaning`)
                : current
                  ? undefined
                  : t('autonomy.setLevel.levelHelp')
            }
            value={level}
            onChange={(e) => setLevelValue(e.currentTarget.value)}
            data={[
              { value: '', label: t('autonomy.setLevel.levelPlaceholder') },
              ...LEVELS.map((l) => ({
                value: String(l),
                label: t('autonomy.setLevel.levelOption', {
                  level: l,
                  name: t(`autonomy.levels.${l}.name`),
                }),
              })),
            ]}
            error={errors.level ?? fieldError(setLevel.error, 'level')}
            required
          />
          <Textarea
            label={t('autonomy.setLevel.reason')}
            description={t('autonomy.setLevel.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason ?? fieldError(setLevel.error, 'reason')}
            maxLength={1000}
            autosize
            minRows={2}
            required
          />
          <Group gap="xs">
            <Button type="submit" size="sm" loading={setLevel.isPending}>
              {t('autonomy.setLevel.submit')}
            </Button>
            <Button size="sm" variant="default" onClick={onDone}>
              {t('autonomy.setLevel.cancel')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

function History({ autonomy }: { autonomy: PersonAutonomy }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (autonomy.history.length === 0) {
    return <Alert color="gray">{t('autonomy.history.empty')}</Alert>;
  }
  return (
    <ol className={auClasses.timeline} aria-label={t('autonomy.history.label')}>
      {autonomy.history.map((h) => (
        <li key={h.id} className={auClasses.timelineItem}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {h.domain.name}
          </Text>
          <Group gap={6} mt={2} wrap="wrap">
            {h.fromLevel !== null ? (
              <>
                <LevelBadge level={h.fromLevel} />
                <Text span size="sm" aria-hidden>
                  →
                </Text>
                <VisuallyHidden>{t('autonomy.history.to')}</VisuallyHidden>
              </>
            ) : (
              <Text span size="sm" c="dimmed">
                {t('autonomy.history.first')}
              </Text>
            )}
            <LevelBadge level={h.toLevel} />
          </Group>
          {h.reason && (
            <Text size="sm" mt={4} className={classes.preWrap}>
              {t('autonomy.history.reason', { reason: h.reason })}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {h.changedBy
              ? t('autonomy.history.by', { name: h.changedBy.name, date: fmt.dateTime(h.changedAt) })
              : t('autonomy.history.at', { date: fmt.dateTime(h.changedAt) })}
          </Text>
          {h.cardId && (
            <Anchor component={Link} to={cardPath(h.cardId)} size="sm">
              {t('autonomy.history.card')}
            </Anchor>
          )}
        </li>
      ))}
    </ol>
  );
}

function Initiatives({ autonomy }: { autonomy: PersonAutonomy }) {
  const { t } = useTranslation();
  const day = useDay();
  if (autonomy.initiatives.length === 0) {
    return (
      <Alert color="gray" mb="sm">
        {t('autonomy.initiatives.empty')}
      </Alert>
    );
  }
  return (
    <Stack component="ul" gap="xs" p={0} m={0} mb="md" style={{ listStyle: 'none' }}>
      {autonomy.initiatives.map((i) => (
        <Card component="li" withBorder padding="sm" key={i.id}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
            <Text fw={600} style={{ overflowWrap: 'anywhere', flex: '1 1 12rem' }}>
              {i.title}
            </Text>
            <Badge variant="outline" color={i.validationAsked ? 'gray.8' : 'teal.9'}>
              {i.validationAsked
                ? t('autonomy.initiatives.withValidation')
                : t('autonomy.initiatives.without')}
            </Badge>
          </Group>
          {i.outcome && (
            <Text size="sm" className={classes.preWrap}>
              {i.outcome}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {i.domain
              ? t('autonomy.initiatives.metaDomain', { date: day(i.concludedOn), domain: i.domain.name })
              : t('autonomy.initiatives.meta', { date: day(i.concludedOn) })}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function InitiativeForm({ domains, personId }: { domains: Pick<Domain, 'id' | 'name'>[]; personId: string }) {
  const { t } = useTranslation();
  const log = useLogInitiative();
  const empty = { title: '', outcome: '', domainId: '', validationAsked: false, concludedOn: today() };
  const [form, setForm] = useState(empty);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const [errors, setErrors] = useState<{ title?: string; concludedOn?: string }>({});
  const fields = ['title', 'outcome', 'domainId', 'validationAsked', 'concludedOn'];
  const err = (f: string) => fieldError(log.error, f);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!form.title.trim()) next.title = t('autonomy.initiatives.titleRequired');
    if (!form.concludedOn) next.concludedOn = t('autonomy.initiatives.dateRequired');
    else if (form.concludedOn > today()) next.concludedOn = t('autonomy.initiatives.dateFuture');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    log.mutate(
      {
        title: form.title.trim(),
        outcome: form.outcome.trim(),
        domainId: form.domainId || null,
        validationAsked: form.validationAsked,
        concludedOn: form.concludedOn,
      },
      {
        onSuccess: () => {
          setForm(empty);
          notifications.show({
            message: t('autonomy.initiatives.logged'),
            color: 'green',
            closeButtonProps: { 'aria-label': t('ui.close') },
          });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`au-log-${personId}`}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={`au-log-${personId}`}>
          {t('autonomy.initiatives.formTitle')}
        </Title>
        <ErrorAlert error={log.error} fields={fields} />
        <TextInput
          label={t('autonomy.initiatives.titleField')}
          description={t('autonomy.initiatives.titleHelp')}
          value={form.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title ?? err('title')}
          maxLength={300}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('autonomy.initiatives.domain')}
            value={form.domainId}
            onChange={(e) => set('domainId', e.currentTarget.value)}
            data={[
              { value: '', label: t('autonomy.initiatives.noDomain') },
              ...domains.map((d) => ({ value: d.id, label: d.name })),
            ]}
            error={err('domainId')}
          />
          <TextInput
            type="date"
            label={t('autonomy.initiatives.date')}
            value={form.concludedOn}
            max={today()}
            onChange={(e) => set('concludedOn', e.currentTarget.value)}
            error={errors.concludedOn ?? err('concludedOn')}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t('autonomy.initiatives.outcome')}
          description={t('autonomy.initiatives.outcomeHelp')}
          value={form.outcome}
          onChange={(e) => set('outcome', e.currentTarget.value)}
          error={err('outcome')}
          maxLength={2000}
          autosize
          minRows={2}
        />
        <Checkbox
          label={t('autonomy.initiatives.validationAsked')}
          description={t('autonomy.initiatives.validationAskedHelp')}
          checked={form.validationAsked}
          onChange={(e) => set('validationAsked', e.currentTarget.checked)}
          error={err('validationAsked')}
        />
        <Button type="submit" loading={log.isPending} w="fit-content">
          {t('autonomy.initiatives.submit')}
        </Button>
      </Stack>
    </form>
  );
}
