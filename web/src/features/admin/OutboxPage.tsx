import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { PagedResult } from '../../ui/PagedResult.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFormat } from '../../ui/format.ts';
import classes from '../../ui/ui.module.css';
import { ADMIN_PAGE_SIZE, useOutbox } from './admin.api.ts';

const urlPattern = /(https?:\/\/[^\s<>"']+)/g;

/** Plain-text body with its links made clickable (nothing else is interpreted). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Anchor key={i} href={part} style={{ overflowWrap: 'anywhere' }}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [offset, setOffset] = useState(0);
  const outbox = useOutbox(offset);

  return (
    <Stack>
      <PageTitle>{t('admin.outbox.title')}</PageTitle>
      <Text c="dimmed">{t('admin.outbox.intro')}</Text>
      <PagedResult
        query={outbox}
        limit={ADMIN_PAGE_SIZE}
        offset={offset}
        onOffsetChange={setOffset}
        label={t('admin.outbox.pagination')}
      >
        {(page) => (
          <>
            <Text size="sm" c="dimmed">
              {t('admin.outbox.count', { count: page.total, formatted: fmt.number(page.total) })}
            </Text>
            {page.items.length === 0 && <Alert color="gray">{t('admin.outbox.empty')}</Alert>}
            <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {page.items.map((mail) => (
                <Card component="li" withBorder key={mail.id}>
                  <article aria-labelledby={`mail-${mail.id}`}>
                    <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
                      <Title order={2} size="h4" id={`mail-${mail.id}`} style={{ overflowWrap: 'anywhere' }}>
                        {mail.subject}
                      </Title>
                      {mail.error ? (
                        <Badge color="red" variant="dot">
                          {t('admin.outbox.failed')}
                        </Badge>
                      ) : mail.sentAt ? (
                        <Badge color="green" variant="dot">
                          {t('admin.outbox.sent')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="dot">
                          {t('admin.outbox.pending')}
                        </Badge>
                      )}
                    </Group>
                    <dl className={classes.details}>
                      <dt>{t('admin.outbox.to')}</dt>
                      <dd>{mail.to}</dd>
                      <dt>{t('admin.outbox.createdAt')}</dt>
                      <dd>{fmt.dateTime(mail.createdAt)}</dd>
                      {mail.sentAt && (
                        <>
                          <dt>{t('admin.outbox.sentAt')}</dt>
                          <dd>{fmt.dateTime(mail.sentAt)}</dd>
                        </>
                      )}
                      {mail.error && (
                        <>
                          <dt>{t('admin.outbox.error')}</dt>
                          <dd>{mail.error}</dd>
                        </>
                      )}
                    </dl>
                    {mail.body ? (
                      <Text component="div" mt="sm" size="sm" className={classes.preWrap} p="sm" bg="gray.0">
                        <Linkified text={mail.body} />
                      </Text>
                    ) : (
                      <Text mt="sm" size="sm" c="dimmed">
                        {t('admin.outbox.noBody')}
                      </Text>
                    )}
                  </article>
                </Card>
              ))}
            </Stack>
          </>
        )}
      </PagedResult>
    </Stack>
  );
}
