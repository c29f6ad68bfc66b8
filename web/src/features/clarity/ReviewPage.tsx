import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { MarkItem, passageLabel } from './ClarityParts.tsx';
import {
  type Mark,
  type Passage,
  type ReviewDetail,
  offerPath,
  pitchPath,
  useAddMark,
  useAnswerReview,
  useDeleteMark,
  useReview,
} from './clarity.api.ts';

export function ReviewPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/clarity/reviews/$id' });
  const review = useReview(id);
  if (review.isPending) return <PageLoader />;
  if (review.isError) return <ErrorAlert error={review.error} />;
  const r = review.data;
  const itemLink =
    r.itemType === 'pitch'
      ? pitchPath(r.itemId)
      : r.itemType === 'offer'
        ? offerPath(r.itemId)
        : `/okr/objectives/${encodeURIComponent(r.itemId)}`;
  return (
    <Stack>
      <PageTitle
        actions={
          <Anchor component={Link} to={r.permissions.mark ? '/clarity' : itemLink}>
            {r.permissions.mark ? t('clarityTools.back') : t('clarityTools.review.backToItem')}
          </Anchor>
        }
      >
        {t('clarityTools.review.pageTitle', { title: r.itemTitle })}
      </PageTitle>
      <ReadingView key={r.id} review={r} />
    </Stack>
  );
}

/** Highlights the marked excerpts in a passage (first occurrence of each, ignoring case). */
function highlighted(text: string, excerpts: readonly string[]): ReactNode {
  const ranges: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const e of excerpts) {
    const at = lower.indexOf(e.toLowerCase());
    if (at >= 0 && e !== '') ranges.push([at, at + e.length]);
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  const out: ReactNode[] = [];
  let from = 0;
  ranges.forEach(([s, e], i) => {
    if (s < from) return;
    out.push(<Fragment key={`t${i}`}>{text.slice(from, s)}</Fragment>);
    out.push(<mark key={`m${i}`}>{text.slice(s, e)}</mark>);
    from = e;
  });
  out.push(<Fragment key="end">{text.slice(from)}</Fragment>);
  return out;
}

/**
 * The reviewer's focused reading view: the item's text alone, passage by passage. Selecting words and
 * pressing "I don't understand this" quotes them into the mark form; the passage can also be typed.
 */
function ReadingView({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const asReviewer = review.permissions.mark;
  const area = useRef<HTMLDivElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [selection, setSelection] = useState<{ text: string; field: string } | null>(null);
  const [excerpt, setExcerpt] = useState('');
  const [field, setField] = useState('');
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState('');
  const add = useAddMark(review.id);
  const remove = useDeleteMark(review.id);
  const answer = useAnswerReview(review.id);

  // Remember the last selection made inside the text (the button click itself may clear it).
  useEffect(() => {
    if (!asReviewer) return;
    const onChange = () => {
      const sel = document.getSelection();
      if (!sel || sel.isCollapsed || !area.current) return;
      const node = sel.anchorNode;
      if (!node || !area.current.contains(node)) return;
      const el = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-field]');
      const text = sel.toString().replace(/\s+/g, ' ').trim();
      if (text) setSelection({ text: text.slice(0, 500), field: el?.dataset.field ?? '' });
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [asReviewer]);

  const quoteSelection = () => {
    if (!selection) return;
    setExcerpt(selection.text);
    setField(selection.field);
    setStatus('');
    commentRef.current?.focus();
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    add.mutate(
      { excerpt, field, comment },
      {
        onSuccess: () => {
          setExcerpt('');
          setField('');
          setComment('');
          setSelection(null);
          setStatus(t('clarityTools.review.markAdded'));
        },
      },
    );
  };

  const marksOf = (p: Passage) => review.marks.filter((m: Mark) => m.field === p.field).map((m) => m.excerpt);
  const [title, ...passages] = review.passages;

  return (
    <Stack>
      <Text c="dimmed">
        {asReviewer
          ? t('clarityTools.review.introReviewer', { name: review.requester.name })
          : t('clarityTools.review.introRequester', { name: review.reviewer.name })}
      </Text>
      {review.message && (
        <Alert color="blue" title={t('clarityTools.review.messageFrom', { name: review.requester.name })}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {review.message}
          </Text>
        </Alert>
      )}

      <Paper withBorder p="lg" component="article" aria-labelledby="review-text-title">
        <Group justify="space-between" mb="sm" gap="xs">
          <Badge variant="outline" color="blue.9">
            {t(`clarityTools.itemType.${review.itemType}`)}
          </Badge>
          <Badge color={review.status === 'answered' ? 'teal.9' : 'gray.8'} variant="outline">
            {t(`clarityTools.review.status.${review.status}`)}
          </Badge>
        </Group>
        <div ref={area}>
          <Title
            order={2}
            size="h3"
            id="review-text-title"
            data-field="title"
            style={{ overflowWrap: 'anywhere' }}
          >
            {title ? highlighted(title.text, marksOf(title)) : review.itemTitle}
          </Title>
          <Stack gap="sm" mt="md">
            {passages.map((p) => (
              <div key={p.field}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {passageLabel(t, p.field)}
                </Text>
                <Text
                  data-field={p.field}
                  size="lg"
                  lh={1.6}
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {highlighted(p.text, marksOf(p))}
                </Text>
              </div>
            ))}
          </Stack>
        </div>
      </Paper>

      {asReviewer && (
        <Paper withBorder p="md" component="section" aria-labelledby="review-mark-title">
          <Title order={2} size="h4" id="review-mark-title">
            {t('clarityTools.review.markTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('clarityTools.review.markIntro')}
          </Text>
          <Group gap="sm" mb="sm" wrap="wrap">
            <Button onClick={quoteSelection} disabled={!selection}>
              {t('clarityTools.review.notUnderstood')}
            </Button>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {selection
                ? t('clarityTools.review.selection', { text: selection.text })
                : t('clarityTools.review.noSelection')}
            </Text>
          </Group>
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Textarea
                label={t('clarityTools.review.excerpt')}
                description={t('clarityTools.review.excerptHelp')}
                value={excerpt}
                onChange={(e) => {
                  setExcerpt(e.currentTarget.value);
                  setField('');
                }}
                autosize
                minRows={1}
                maxLength={500}
                error={fieldError(add.error, 'excerpt')}
              />
              <Textarea
                ref={commentRef}
                label={t('clarityTools.review.commentLabel')}
                description={t('clarityTools.review.commentHelp')}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={1000}
                error={fieldError(add.error, 'comment')}
              />
              <Group>
                <Button type="submit" loading={add.isPending} disabled={!excerpt.trim() && !comment.trim()}>
                  {excerpt.trim() ? t('clarityTools.review.addMark') : t('clarityTools.review.addComment')}
                </Button>
                <Text size="sm" role="status" aria-live="polite">
                  {status}
                </Text>
              </Group>
              <ErrorAlert error={add.error} fields={['excerpt', 'comment']} />
            </Stack>
          </form>
        </Paper>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="review-marks-title">
        <Title order={2} size="h4" id="review-marks-title" mb="xs">
          {t('clarityTools.peer.marks', { count: review.marks.length })}
        </Title>
        {review.marks.length === 0 ? (
          <Text size="sm">
            {asReviewer ? t('clarityTools.review.noMarksYet') : t('clarityTools.peer.waiting')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {review.marks.map((m) => (
              <MarkItem
                key={m.id}
                mark={m}
                onRemove={asReviewer ? () => remove.mutate(m.id) : undefined}
                removing={remove.isPending}
              />
            ))}
          </Stack>
        )}
        <ErrorAlert error={remove.error} />
        {asReviewer && (
          <Stack gap="xs" mt="md">
            <Text size="sm" c="dimmed">
              {review.status === 'answered'
                ? t('clarityTools.review.sentAlready', { name: review.requester.name })
                : t('clarityTools.review.sendHelp', { name: review.requester.name })}
            </Text>
            {review.status === 'open' && (
              <Group>
                <Button onClick={() => answer.mutate(undefined)} loading={answer.isPending}>
                  {t('clarityTools.review.send', { name: review.requester.name })}
                </Button>
              </Group>
            )}
            <ErrorAlert error={answer.error} />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
