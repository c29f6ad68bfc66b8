import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { MarkItem } from './ClarityParts.tsx';
import {
  reviewPath,
  useRequestReview,
  useReviews,
  useWithdrawReview,
  type ReviewItemType,
  type ReviewSummary,
} from './clarity.api.ts';

interface PeerReviewPanelProps {
  itemType: ReviewItemType;
  itemId: string;
  /** Whether the caller may ask for a review (the server decides in any case). Defaults to true. */
  canRequest?: boolean;
}

/**
 * Review by a non-expert peer, on the item's own page: ask a colleague from another trade to read it, then
 * read what they did not understand. Only the person who asked and the reviewer see these marks.
 */
export function PeerReviewPanel({ itemType, itemId, canRequest = true }: PeerReviewPanelProps) {
  const { t } = useTranslation();
  const me = useMe();
  const reviews = useReviews(itemType, itemId);
  const request = useRequestReview();
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [pickerKey, setPickerKey] = useState(0);
  const [sent, setSent] = useState('');
  const headingId = useId();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reviewerId) return;
    request.mutate(
      { itemType, itemId, reviewerId, message },
      {
        onSuccess: (r) => {
          setSent(t('clarityTools.peer.sent', { name: r.reviewer.name }));
          setReviewerId(null);
          setMessage('');
          setPickerKey((k) => k + 1);
        },
      },
    );
  };

  const items = reviews.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('clarityTools.peer.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('clarityTools.peer.intro')}
      </Text>

      {canRequest && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PersonPicker
              key={pickerKey}
              label={t('clarityTools.peer.reviewer')}
              description={t('clarityTools.peer.reviewerHelp')}
              value={reviewerId}
              onChange={(id) => {
                setReviewerId(id);
                setSent('');
              }}
              excludeId={me.person.id}
              error={fieldError(request.error, 'reviewerId')}
            />
            <Textarea
              label={t('clarityTools.peer.message')}
              description={t('clarityTools.peer.messageHelp')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={500}
              error={fieldError(request.error, 'message')}
            />
            <Group>
              <Button type="submit" disabled={!reviewerId} loading={request.isPending}>
                {t('clarityTools.peer.ask')}
              </Button>
            </Group>
            <ErrorAlert error={request.error} fields={['reviewerId', 'message']} />
            <Text size="sm" role="status" aria-live="polite">
              {sent}
            </Text>
          </Stack>
        </form>
      )}

      {reviews.isError && <ErrorAlert error={reviews.error} />}
      {reviews.data && items.length === 0 && (
        <Text size="sm" mt="sm">
          {t('clarityTools.peer.none')}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="md" p={0} m={0} mt="md" style={{ listStyle: 'none' }}>
          {items.map((r) => (
            <ReviewCard key={r.id} review={r} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function ReviewCard({ review }: { review: ReviewSummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const withdraw = useWithdrawReview();
  const headingId = useId();
  const asReviewer = review.permissions.mark;
  return (
    <Paper component="li" withBorder p="sm" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <div style={{ minWidth: 0 }}>
          <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {asReviewer
              ? t('clarityTools.peer.askedBy', { name: review.requester.name })
              : t('clarityTools.peer.readBy', { name: review.reviewer.name })}
          </Title>
          <Text size="xs" c="dimmed">
            {t('clarityTools.peer.askedOn', { date: fmt.date(review.createdAt) })}
          </Text>
        </div>
        <Badge color={review.status === 'answered' ? 'teal.9' : 'gray.8'} variant="outline">
          {t(`clarityTools.review.status.${review.status}`)}
        </Badge>
      </Group>
      {review.marks.length === 0 ? (
        <Text size="sm">
          {review.status === 'answered' ? t('clarityTools.peer.allClear') : t('clarityTools.peer.waiting')}
        </Text>
      ) : (
        <>
          <Text size="sm" fw={600}>
            {t('clarityTools.peer.marks', { count: review.marks.length })}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} mt={4} style={{ listStyle: 'none' }}>
            {review.marks.map((m) => (
              <MarkItem key={m.id} mark={m} />
            ))}
          </Stack>
        </>
      )}
      <Group gap="sm" mt="sm">
        <Anchor component={Link} to={reviewPath(review.id)} size="sm">
          {asReviewer ? t('clarityTools.peer.openAsReviewer') : t('clarityTools.peer.open')}
        </Anchor>
        {review.permissions.withdraw && (
          <Button
            size="xs"
            variant="outline"
            color="red"
            loading={withdraw.isPending}
            onClick={() => withdraw.mutate(review.id)}
            aria-label={t('clarityTools.peer.withdrawFrom', { name: review.reviewer.name })}
          >
            {t('clarityTools.peer.withdraw')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={withdraw.error} />
    </Paper>
  );
}
