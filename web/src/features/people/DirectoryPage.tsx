import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { useMe } from '../../app/session.ts';
import { PagedResult } from '../../ui/PagedResult.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { useFormat } from '../../ui/format.ts';
import { AddPersonModal } from './AddPersonModal.tsx';
import { InviteButton } from './InviteButton.tsx';
import { StatusBadge } from './PersonBits.tsx';
import { PAGE_SIZE, usePeople, personPath } from './people.api.ts';

export function DirectoryPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const isAdmin = me.person.isAdmin;
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [offset, setOffset] = useState(0);
  const [adding, { open, close }] = useDisclosure(false);
  const people = usePeople(debounced, offset);

  return (
    <Stack>
      <PageTitle
        actions={
          isAdmin && (
            <Group gap="xs">
              <Button variant="default" component={Link} to="/admin/import">
                {t('people.directory.import')}
              </Button>
              <Button onClick={open}>{t('people.directory.add')}</Button>
            </Group>
          )
        }
      >
        {t('people.directory.title')}
      </PageTitle>
      <Group justify="space-between" align="flex-end">
        <TextInput
          type="search"
          label={t('people.directory.search')}
          description={t('people.directory.searchHelp')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
          style={{ flex: '1 1 18rem', maxWidth: '28rem' }}
        />
        <Anchor component={Link} to="/people/chart">
          {t('people.directory.seeChart')}
        </Anchor>
      </Group>

      <PagedResult
        query={people}
        limit={PAGE_SIZE}
        offset={offset}
        onOffsetChange={setOffset}
        label={t('people.directory.pagination')}
        withLoader={false}
      >
        {(page) => (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('people.directory.count', {
                count: page.total,
                formatted: fmt.number(page.total),
              })}
            </Text>
            {page.items.length === 0 ? (
              <Alert color="gray">
                {debounced ? t('people.directory.noMatch') : t('people.directory.empty')}
              </Alert>
            ) : (
              <>
                <Card withBorder p={0} visibleFrom="sm">
                  <ScrollRegion label={t('people.directory.tableLabel')}>
                    <Table striped highlightOnHover verticalSpacing="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('people.directory.columns.name')}</Table.Th>
                          <Table.Th scope="col">{t('people.directory.columns.jobTitle')}</Table.Th>
                          <Table.Th scope="col">{t('people.directory.columns.team')}</Table.Th>
                          <Table.Th scope="col">{t('people.directory.columns.status')}</Table.Th>
                          {isAdmin && (
                            <Table.Th scope="col">{t('people.directory.columns.actions')}</Table.Th>
                          )}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {page.items.map((p) => (
                          <Table.Tr key={p.id}>
                            <Table.Td>
                              <Anchor component={Link} to={personPath(p.id)} fw={500}>
                                {p.name}
                              </Anchor>
                              <Text size="xs" c="dimmed">
                                {p.email}
                              </Text>
                            </Table.Td>
                            <Table.Td>{p.jobTitle}</Table.Td>
                            <Table.Td>{p.team}</Table.Td>
                            <Table.Td>
                              <StatusBadge status={p.status} />
                            </Table.Td>
                            {isAdmin && (
                              <Table.Td>
                                {p.status === 'invited' && <InviteButton id={p.id} name={p.name} />}
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollRegion>
                </Card>
                <Stack component="ul" gap="xs" p={0} m={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
                  {page.items.map((p) => (
                    <Card component="li" key={p.id} withBorder padding="sm">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <div style={{ minWidth: 0 }}>
                          <Anchor component={Link} to={personPath(p.id)} fw={500}>
                            {p.name}
                          </Anchor>
                          <Text size="sm">{[p.jobTitle, p.team].filter(Boolean).join(' · ')}</Text>
                          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {p.email}
                          </Text>
                        </div>
                        <StatusBadge status={p.status} />
                      </Group>
                      {isAdmin && p.status === 'invited' && (
                        <Group mt="xs">
                          <InviteButton id={p.id} name={p.name} />
                        </Group>
                      )}
                    </Card>
                  ))}
                </Stack>
              </>
            )}
          </>
        )}
      </PagedResult>
      {isAdmin && <AddPersonModal opened={adding} onClose={close} />}
    </Stack>
  );
}
