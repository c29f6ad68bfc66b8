import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from '../../app/translator.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { useFormat } from '../../ui/format.ts';
import { useCadenceReport } from './one-on-ones.api.ts';

/** Numbers only, for the manager chain and admins; the whole section is absent when the API answers 404. */
export function CadenceReportSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const report = useCadenceReport(personId);
  if (!report.data) return null;
  const none = t('oneOnOnes.none');
  return (
    <Card withBorder component="section" aria-labelledby="oo-cadence-report">
      <Title order={2} size="h4" id="oo-cadence-report" mb="xs">
        {t('oneOnOnes.cadenceReport.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('oneOnOnes.cadenceReport.intro')}
      </Text>
      {report.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('oneOnOnes.cadenceReport.empty')}
        </Text>
      ) : (
        <ScrollRegion label={t('oneOnOnes.cadenceReport.tableLabel')}>
          <Table striped miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('oneOnOnes.cadenceReport.manager')}</Table.Th>
                <Table.Th scope="col">{t('oneOnOnes.series.due')}</Table.Th>
                <Table.Th scope="col">{t('oneOnOnes.series.kept')}</Table.Th>
                <Table.Th scope="col">{t('oneOnOnes.series.moved')}</Table.Th>
                <Table.Th scope="col">{t('oneOnOnes.series.cancelled')}</Table.Th>
                <Table.Th scope="col">{t('oneOnOnes.series.interval')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.items.map(({ managerId, managerName, cadence: c }) => (
                <Table.Tr key={managerId}>
                  <Table.Th scope="row" fw={500}>
                    {managerName}
                  </Table.Th>
                  <Table.Td>{fmt.number(c.due)}</Table.Td>
                  <Table.Td>
                    {c.keptRate === null
                      ? none
                      : t('oneOnOnes.series.keptValue', {
                          percent: fmt.number(Math.round(c.keptRate * 100)),
                          count: c.heldOnPlannedDate,
                        })}
                  </Table.Td>
                  <Table.Td>{fmt.number(c.moved)}</Table.Td>
                  <Table.Td>{fmt.number(c.cancelled)}</Table.Td>
                  <Table.Td>
                    {c.averageIntervalDays === null
                      ? none
                      : t('oneOnOnes.series.intervalValue', {
                          value: fmt.number(Math.round(c.averageIntervalDays * 10) / 10),
                        })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Card>
  );
}
