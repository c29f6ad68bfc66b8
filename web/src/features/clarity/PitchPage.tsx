import {
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { DEFAULT_WORD_BUDGET, MAX_WORD_BUDGET, MIN_WORD_BUDGET } from '../../../../core/domain/pitch.ts';
import { fieldError } from '../../app/api.ts';
import { PageLoader } from '../../app/RouteStates.tsx';
import { ClarityHints } from '../../ui/ClarityHints.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import classes from '../../ui/ui.module.css';
import { useDraft } from '../delegation/draft.ts';
import { DraftNotice, RehearsalTimer, SharePanel, WordMeter } from './ClarityParts.tsx';
import { PeerReviewPanel } from './PeerReviewPanel.tsx';
import { type PitchDetail, useDeletePitch, usePitch, useUpdatePitch } from './clarity.api.ts';

export function PitchPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/clarity/pitches/$id' });
  const pitch = usePitch(id);
  if (pitch.isPending) return <PageLoader />;
  if (pitch.isError) return <ErrorAlert error={pitch.error} />;
  const p = pitch.data;
  return (
    <Stack>
      <PageTitle
        actions={
          <Anchor component={Link} to="/clarity">
            {t('clarityTools.back')}
          </Anchor>
        }
      >
        {t('clarityTools.pitch.pageTitle', { title: p.title })}
      </PageTitle>
      {p.permissions.edit ? <PitchEditor key={p.id} pitch={p} /> : <PitchReader pitch={p} />}
    </Stack>
  );
}

/** A pitch shared with me, or one I was asked to review: read only. */
function PitchReader({ pitch }: { pitch: PitchDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text c="dimmed">
        {t(`clarityTools.pitch.kinds.${pitch.kind}`)} ·{' '}
        {t('clarityTools.home.by', { name: pitch.author.name })}
      </Text>
      <Paper withBorder p="md">
        <Text className={classes.preWrap}>{pitch.body || t('clarityTools.pitch.empty')}</Text>
        <WordMeter text={pitch.body} budget={pitch.wordBudget} />
      </Paper>
      <RehearsalTimer />
    </Stack>
  );
}

interface PitchForm {
  title: string;
  kind: 'offer' | 'idea';
  body: string;
  wordBudget: number;
}

function PitchEditor({ pitch }: { pitch: PitchDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdatePitch(pitch.id);
  const share = useUpdatePitch(pitch.id);
  const remove = useDeletePitch();
  const [saved, setSaved] = useState('');
  // Unsaved text stays in this browser until it is saved: a failed save or a reload loses nothing.
  const draft = useDraft<PitchForm>(`relais.clarity.pitch.${pitch.id}`, () => ({
    title: pitch.title,
    kind: pitch.kind,
    body: pitch.body,
    wordBudget: pitch.wordBudget,
  }));
  const form = draft.value;
  const set = (patch: Partial<PitchForm>) => {
    setSaved('');
    draft.setValue((v) => ({ ...v, ...patch }));
  };

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
      <Paper withBorder p="md" component="section" aria-labelledby="pitch-write">
        <Title order={2} size="h4" id="pitch-write" mb={4}>
          {t('clarityTools.pitch.write')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('clarityTools.pitch.writeIntro', { budget: DEFAULT_WORD_BUDGET })}
        </Text>
        <form onSubmit={save} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('clarityTools.pitch.title')}
              value={form.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              maxLength={120}
              error={fieldError(update.error, 'title')}
            />
            <Radio.Group
              label={t('clarityTools.pitch.kind')}
              value={form.kind}
              onChange={(v) => set({ kind: v === 'idea' ? 'idea' : 'offer' })}
            >
              <Group gap="md" mt={4}>
                <Radio value="offer" label={t('clarityTools.pitch.kinds.offer')} />
                <Radio value="idea" label={t('clarityTools.pitch.kinds.idea')} />
              </Group>
            </Radio.Group>
            <div>
              <Textarea
                label={t('clarityTools.pitch.body')}
                description={t('clarityTools.pitch.bodyHelp')}
                value={form.body}
                onChange={(e) => set({ body: e.currentTarget.value })}
                autosize
                minRows={5}
                maxLength={4000}
                aria-describedby="pitch-meter pitch-hints"
                error={fieldError(update.error, 'body')}
              />
              <WordMeter id="pitch-meter" text={form.body} budget={form.wordBudget || DEFAULT_WORD_BUDGET} />
              <ClarityHints id="pitch-hints" text={form.body} kind="pitch" />
            </div>
            <NumberInput
              label={t('clarityTools.pitch.budget')}
              description={t('clarityTools.pitch.budgetHelp')}
              value={form.wordBudget}
              onChange={(v) => set({ wordBudget: typeof v === 'number' ? v : DEFAULT_WORD_BUDGET })}
              min={MIN_WORD_BUDGET}
              max={MAX_WORD_BUDGET}
              step={5}
              maw={220}
              error={fieldError(update.error, 'wordBudget')}
            />
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('clarityTools.save')}
              </Button>
              <Text size="sm" role="status" aria-live="polite">
                {saved}
              </Text>
            </Group>
            <ErrorAlert error={update.error} fields={['title', 'body', 'wordBudget']} />
          </Stack>
        </form>
      </Paper>

      <RehearsalTimer />

      <SharePanel
        shared={pitch.sharedWith}
        onChange={(ids) => share.mutate({ sharedWith: ids })}
        pending={share.isPending}
        error={share.error}
      />

      <PeerReviewPanel itemType="pitch" itemId={pitch.id} canRequest={pitch.permissions.requestReview} />

      <Group>
        <Button
          variant="outline"
          color="red"
          loading={remove.isPending}
          onClick={() => {
            if (!window.confirm(t('clarityTools.pitch.confirmDelete'))) return;
            remove.mutate(pitch.id, {
              onSuccess: () => {
                draft.discard();
                void navigate({ to: '/clarity' });
              },
            });
          }}
        >
          {t('clarityTools.pitch.delete')}
        </Button>
      </Group>
      <ErrorAlert error={remove.error} />
    </Stack>
  );
}
