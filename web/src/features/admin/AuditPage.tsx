import { Alert, Card, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { PagedResult } from '../../ui/PagedResult.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { useFormat } from '../../ui/format.ts';
import { ADMIN_PAGE_SIZE, useAudit } from './admin.api.ts';

export function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [offset, setOffset] = useState(0);
  const audit = useAudit(offset);
  const actionLabel = (action: string) =>
    t(`admin.audit.actions.${action.replace('.', '_')}`, { defaultValue: action });

  return (
    <Stack>
      <PageTitle>{t('admin.audit.title')}</PageTitle>
      <Text c="dimmed">{t('admin.audit.intro')}</Text>
      <PagedResult
        query={audit}
        limit={ADMIN_PAGE_SIZE}
        offset={offset}
        onOffsetChange={setOffset}
        label={t('admin.audit.pagination')}
      >
        {(page) =>
          page.items.length === 0 ? (
            <Alert color="gray">{t('admin.audit.empty')}</Alert>
          ) : (
            <Card withBorder p={0}>
              <ScrollRegion label={t('admin.audit.tableLabel')}>
                <Table striped miw={560}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('admin.audit.when')}</Table.Th>
                      <Table.Th scope="col">{t('admin.audit.who')}</Table.Th>
                      <Table.Th scope="col">{t('admin.audit.what')}</Table.Th>
                      <Table.Th scope="col">{t('admin.audit.subject')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(item.createdAt)}</Table.Td>
                        <Table.Td>{item.actor ?? t('admin.audit.system')}</Table.Td>
                        <Table.Td>{actionLabel(item.action)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {t(`admin.audit.subjects.${item.subjectType}`, {
                              defaultValue: item.subjectType,
                            })}
                          </Text>
                          {item.subjectId && (
                            <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                              {item.subjectId}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            </Card>
          )
        }
      </PagedResult>
    </Stack>
  );
}
