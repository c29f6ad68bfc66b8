import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFormat } from '../../ui/format.ts';
import {
  offerPath,
  pitchPath,
  reviewPath,
  useClarityOverview,
  useCreateOffer,
  useCreatePitch,
} from './clarity.api.ts';

const listStyle = { listStyle: 'none' } as const;

/** Clarté: my pitches, my offers, what colleagues shared with me and the reviews I was asked to do. */
export function ClarityPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const overview = useClarityOverview();
  const data = overview.data;

  return (
    <Stack>
      <PageTitle>{t('clarityTools.title')}</PageTitle>
      <Text c="dimmed">{t('clarityTools.intro')}</Text>
      {overview.isPending && <PageLoader />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {data && (
        <>
          <Card withBorder component="section" aria-labelledby="cl-reviews">
            <Title order={2} size="h3" id="cl-reviews" mb="xs">
              {t('clarityTools.home.reviews', { count: data.counts.reviewsOpen })}
            </Title>
            {data.reviewsReceived.length === 0 ? (
              <Text size="sm">{t('clarityTools.home.noReviews')}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} style={listStyle}>
                {data.reviewsReceived.map((r) => (
                  <Group component="li" key={r.id} justify="space-between" gap="xs" wrap="wrap">
                    <div style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={reviewPath(r.id)} style={{ overflowWrap: 'anywhere' }}>
                        {t('clarityTools.home.reviewOf', {
                          type: t(`clarityTools.itemType.${r.itemType}`),
                          title: r.itemTitle,
                        })}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('clarityTools.home.reviewFrom', {
                          name: r.requester.name,
                          date: fmt.date(r.createdAt),
                        })}
                      </Text>
                    </div>
                    <Badge color={r.status === 'answered' ? 'teal.9' : 'gray.8'} variant="outline">
                      {t(`clarityTools.review.status.${r.status}`)}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            )}
          </Card>

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder component="section" aria-labelledby="cl-pitches">
              <Title order={2} size="h3" id="cl-pitches" mb="xs">
                {t('clarityTools.home.pitches', { count: data.counts.pitches })}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('clarityTools.home.pitchesIntro')}
              </Text>
              {data.pitches.length === 0 ? (
                <Text size="sm" mb="sm">
                  {t('clarityTools.home.noPitches')}
                </Text>
              ) : (
                <Stack component="ul" gap="xs" p={0} m={0} mb="md" style={listStyle}>
                  {data.pitches.map((p) => (
                    <li key={p.id}>
                      <Anchor component={Link} to={pitchPath(p.id)} style={{ overflowWrap: 'anywhere' }}>
                        {p.title}
                      </Anchor>
                      <Text size="xs" c={p.wordCount > p.wordBudget ? 'red.9' : 'dimmed'}>
                        {t(`clarityTools.pitch.kinds.${p.kind}`)} ·{' '}
                        {t('clarityTools.home.words', { count: p.wordCount, budget: p.wordBudget })}
                      </Text>
                    </li>
                  ))}
                </Stack>
              )}
              <NewPitchForm />
            </Card>

            <Card withBorder component="section" aria-labelledby="cl-offers">
              <Title order={2} size="h3" id="cl-offers" mb="xs">
                {t('clarityTools.home.offers', { count: data.counts.offers })}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('clarityTools.home.offersIntro')}
              </Text>
              {data.offers.length === 0 ? (
                <Text size="sm" mb="sm">
                  {t('clarityTools.home.noOffers')}
                </Text>
              ) : (
                <Stack component="ul" gap="xs" p={0} m={0} mb="md" style={listStyle}>
                  {data.offers.map((o) => (
                    <li key={o.id}>
                      <Anchor component={Link} to={offerPath(o.id)} style={{ overflowWrap: 'anywhere' }}>
                        {o.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('clarityTools.home.tiers', { count: o.tiers })}
                      </Text>
                    </li>
                  ))}
                </Stack>
              )}
              <NewOfferForm />
            </Card>
          </SimpleGrid>

          {data.sharedWithMe.length > 0 && (
            <Card withBorder component="section" aria-labelledby="cl-shared">
              <Title order={2} size="h3" id="cl-shared" mb="xs">
                {t('clarityTools.home.shared', { count: data.sharedWithMe.length })}
              </Title>
              <Stack component="ul" gap="xs" p={0} m={0} style={listStyle}>
                {data.sharedWithMe.map((s) => (
                  <li key={`${s.type}-${s.id}`}>
                    <Anchor
                      component={Link}
                      to={s.type === 'pitch' ? pitchPath(s.id) : offerPath(s.id)}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {s.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`clarityTools.itemType.${s.type}`)} ·{' '}
                      {t('clarityTools.home.by', { name: s.author.name })}
                    </Text>
                  </li>
                ))}
              </Stack>
            </Card>
          )}
        </>
      )}
      {data && data.counts.pitches + data.counts.offers === 0 && data.reviewsReceived.length === 0 && (
        <Alert color="gray">{t('clarityTools.home.start')}</Alert>
      )}
    </Stack>
  );
}

function NewPitchForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePitch();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<'offer' | 'idea'>('offer');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ title, kind }, { onSuccess: (p) => void navigate({ to: pitchPath(p.id) }) });
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('clarityTools.home.newPitchTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={120}
          error={fieldError(create.error, 'title')}
        />
        <Radio.Group
          label={t('clarityTools.pitch.kind')}
          value={kind}
          onChange={(v) => setKind(v === 'idea' ? 'idea' : 'offer')}
        >
          <Group gap="md" mt={4}>
            <Radio value="offer" label={t('clarityTools.pitch.kinds.offer')} />
            <Radio value="idea" label={t('clarityTools.pitch.kinds.idea')} />
          </Group>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('clarityTools.home.newPitch')}
          </Button>
        </Group>
        <ErrorAlert error={create.error} fields={['title']} />
      </Stack>
    </form>
  );
}

function NewOfferForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOffer();
  const [title, setTitle] = useState('');
  const blank = { name: '', forWhom: '', benefits: [], price: '' };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { title, tiers: [blank, blank, blank] },
          { onSuccess: (o) => void navigate({ to: offerPath(o.id) }) },
        );
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('clarityTools.home.newOfferTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={120}
          error={fieldError(create.error, 'title')}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('clarityTools.home.newOffer')}
          </Button>
        </Group>
        <ErrorAlert error={create.error} fields={['title']} />
      </Stack>
    </form>
  );
}
