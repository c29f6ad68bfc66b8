import {
  Anchor,
  Button,
  CloseButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { MAX_BENEFITS } from '../../../../core/domain/offer.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ClarityHints } from '../../ui/ClarityHints.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useDraft } from '../delegation/draft.ts';
import { DraftNotice, SharePanel, tierKeys } from './ClarityParts.tsx';
import { PeerReviewPanel } from './PeerReviewPanel.tsx';
import { type OfferDetail, type Tier, useDeleteOffer, useOffer, useUpdateOffer } from './clarity.api.ts';

const blankTier = (): Tier => ({ name: '', forWhom: '', benefits: [''], price: '' });

/** Good, Better, Best: always three columns in the canvas, blank ones included. */
const threeTiers = (tiers: readonly Tier[]): Tier[] =>
  tierKeys.map((_, i) => {
    const tier = tiers[i];
    if (!tier) return blankTier();
    return { ...tier, benefits: tier.benefits.length > 0 ? [...tier.benefits] : [''] };
  });

export function OfferPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/clarity/offers/$id' });
  const offer = useOffer(id);
  if (offer.isPending) return <PageLoader />;
  if (offer.isError) return <ErrorAlert error={offer.error} />;
  const o = offer.data;
  return (
    <Stack>
      <PageTitle
        actions={
          <Anchor component={Link} to="/clarity">
            {t('clarityTools.back')}
          </Anchor>
        }
      >
        {t('clarityTools.offer.pageTitle', { title: o.title })}
      </PageTitle>
      {o.permissions.edit ? <OfferEditor key={o.id} offer={o} /> : <OfferReader offer={o} />}
    </Stack>
  );
}

function OfferReader({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text c="dimmed">{t('clarityTools.home.by', { name: offer.author.name })}</Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {threeTiers(offer.tiers).map((tier, i) => (
          <Paper withBorder p="md" key={tierKeys[i]} component="section" aria-labelledby={`tier-r-${i}`}>
            <Title order={2} size="h4" id={`tier-r-${i}`} style={{ overflowWrap: 'anywhere' }}>
              {t(`clarityTools.offer.tiers.${tierKeys[i]}`)}
              {tier.name && ` · ${tier.name}`}
            </Title>
            {tier.forWhom && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('clarityTools.offer.forWhomShort', { who: tier.forWhom })}
              </Text>
            )}
            <ul>
              {tier.benefits
                .filter((b) => b !== '')
                .map((b, j) => (
                  <li key={j} style={{ overflowWrap: 'anywhere' }}>
                    {b}
                  </li>
                ))}
            </ul>
            {tier.price && <Text fw={600}>{tier.price}</Text>}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

interface OfferForm {
  title: string;
  tiers: Tier[];
}

function OfferEditor({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateOffer(offer.id);
  const share = useUpdateOffer(offer.id);
  const remove = useDeleteOffer();
  const [saved, setSaved] = useState('');
  const draft = useDraft<OfferForm>(`relais.clarity.offer.${offer.id}`, () => ({
    title: offer.title,
    tiers: threeTiers(offer.tiers),
  }));
  const form = draft.value;
  const setTier = (i: number, patch: Partial<Tier>) => {
    setSaved('');
    draft.setValue((v) => ({ ...v, tiers: v.tiers.map((x, k) => (k === i ? { ...x, ...patch } : x)) }));
  };
  const err = (path: string) => fieldError(update.error, path);

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    update.mutate(form, {
      onSuccess: () => {
        draft.discard();
        draft.dismissRestored();
        setSaved(t('clarityTools.saved'));
      },
    });
  };

  return (
    <Stack>
      {draft.restored && <DraftNotice onDiscard={draft.reset} onDismiss={draft.dismissRestored} />}
      <Text c="dimmed">{t('clarityTools.offer.intro')}</Text>
      <form onSubmit={save} noValidate>
        <Stack>
          <TextInput
            label={t('clarityTools.offer.title')}
            value={form.title}
            onChange={(e) => {
              setSaved('');
              const title = e.currentTarget.value;
              draft.setValue((v) => ({ ...v, title }));
            }}
            maxLength={120}
            maw={600}
            error={err('title')}
          />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {form.tiers.map((tier, i) => {
              const key = tierKeys[i] ?? 'good';
              const headingId = `tier-${key}`;
              return (
                <Paper withBorder p="md" key={key} component="section" aria-labelledby={headingId}>
                  <Title order={2} size="h4" id={headingId}>
                    {t(`clarityTools.offer.tiers.${key}`)}
                  </Title>
                  <Text size="xs" c="dimmed" mb="sm">
                    {t(`clarityTools.offer.tierHelp.${key}`)}
                  </Text>
                  <Stack gap="sm">
                    <TextInput
                      label={t('clarityTools.offer.name')}
                      value={tier.name}
                      onChange={(e) => setTier(i, { name: e.currentTarget.value })}
                      maxLength={80}
                      error={err(`tiers.${i}.name`)}
                    />
                    <TextInput
                      label={t('clarityTools.offer.forWhom')}
                      value={tier.forWhom}
                      onChange={(e) => setTier(i, { forWhom: e.currentTarget.value })}
                      maxLength={300}
                      error={err(`tiers.${i}.forWhom`)}
                    />
                    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                      <Text component="legend" size="sm" fw={500}>
                        {t('clarityTools.offer.benefits')}
                      </Text>
                      <Text size="xs" c="dimmed" mb={4}>
                        {t('clarityTools.offer.benefitsHelp')}
                      </Text>
                      <Stack gap="xs">
                        {tier.benefits.map((b, j) => (
                          <div key={j}>
                            <Group gap={4} wrap="nowrap" align="flex-start">
                              <TextInput
                                style={{ flex: 1, minWidth: 0 }}
                                aria-label={t('clarityTools.offer.benefitN', {
                                  tier: t(`clarityTools.offer.tiers.${key}`),
                                  n: j + 1,
                                })}
                                aria-describedby={`benefit-${i}-${j}-hints`}
                                value={b}
                                onChange={(e) => {
                                  const value = e.currentTarget.value;
                                  setTier(i, {
                                    benefits: tier.benefits.map((x, k) => (k === j ? value : x)),
                                  });
                                }}
                                maxLength={300}
                                error={err(`tiers.${i}.benefits.${j}`)}
                              />
                              <CloseButton
                                color="gray.8"
                                size="lg"
                                aria-label={t('clarityTools.offer.removeBenefit', { n: j + 1 })}
                                onClick={() =>
                                  setTier(i, {
                                    benefits:
                                      tier.benefits.length > 1
                                        ? tier.benefits.filter((_, k) => k !== j)
                                        : [''],
                                  })
                                }
                              />
                            </Group>
                            <ClarityHints id={`benefit-${i}-${j}-hints`} text={b} kind="benefit" />
                          </div>
                        ))}
                      </Stack>
                      <Button
                        mt="xs"
                        size="xs"
                        variant="default"
                        disabled={tier.benefits.length >= MAX_BENEFITS}
                        onClick={() => setTier(i, { benefits: [...tier.benefits, ''] })}
                        aria-label={t('clarityTools.offer.addBenefitTo', {
                          tier: t(`clarityTools.offer.tiers.${key}`),
                        })}
                      >
                        {t('clarityTools.offer.addBenefit')}
                      </Button>
                    </fieldset>
                    <TextInput
                      label={t('clarityTools.offer.price')}
                      description={t('clarityTools.offer.priceHelp')}
                      value={tier.price}
                      onChange={(e) => setTier(i, { price: e.currentTarget.value })}
                      maxLength={120}
                      error={err(`tiers.${i}.price`)}
                    />
                  </Stack>
                </Paper>
              );
            })}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('clarityTools.save')}
            </Button>
            <Text size="sm" role="status" aria-live="polite">
              {saved}
            </Text>
          </Group>
          <ErrorAlert error={update.error} fields={['title']} />
        </Stack>
      </form>

      <SharePanel
        shared={offer.sharedWith}
        onChange={(ids) => share.mutate({ sharedWith: ids })}
        pending={share.isPending}
        error={share.error}
      />

      <PeerReviewPanel itemType="offer" itemId={offer.id} canRequest={offer.permissions.requestReview} />

      <Group>
        <Button
          variant="outline"
          color="red"
          loading={remove.isPending}
          onClick={() => {
            if (!window.confirm(t('clarityTools.offer.confirmDelete'))) return;
            remove.mutate(offer.id, {
              onSuccess: () => {
                draft.discard();
                void navigate({ to: '/clarity' });
              },
            });
          }}
        >
          {t('clarityTools.offer.delete')}
        </Button>
      </Group>
      <ErrorAlert error={remove.error} />
    </Stack>
  );
}
