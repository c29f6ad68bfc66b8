import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { useFormat } from '../../ui/format.ts';
import { useImport, type ImportResult } from './admin.api.ts';

const actionColor = { create: 'green', update: 'blue', unchanged: 'gray' } as const;

export function ImportPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [previewedCsv, setPreviewedCsv] = useState('');
  const [done, setDone] = useState<ImportResult | null>(null);
  const run = useImport();

  const pickFile = async (picked: File | null) => {
    setFile(picked);
    setFileError(undefined);
    if (!picked) return;
    try {
      setCsv(await picked.text());
      setPreview(null);
      setDone(null);
    } catch {
      setFileError(t('admin.import.unreadable'));
    }
  };

  const doPreview = () => {
    setDone(null);
    run.mutate(
      { csv, confirm: false },
      {
        onSuccess: (r) => {
          setPreview(r);
          setPreviewedCsv(csv);
        },
      },
    );
  };

  const doConfirm = () =>
    run.mutate(
      { csv: previewedCsv, confirm: true },
      {
        onSuccess: (r) => {
          setDone(r);
          setPreview(null);
        },
      },
    );

  const stale = preview !== null && previewedCsv !== csv;
  const changes = preview ? preview.counts.create + preview.counts.update : 0;

  return (
    <Stack>
      <PageTitle>{t('admin.import.title')}</PageTitle>
      <Text>{t('admin.import.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('admin.import.columns')}
      </Text>

      <Card withBorder>
        <Stack>
          <FileInput
            label={t('admin.import.file')}
            description={t('admin.import.fileHelp')}
            placeholder={t('admin.import.filePlaceholder')}
            accept=".csv,text/csv,text/plain"
            value={file}
            onChange={(f) => void pickFile(f)}
            error={fileError}
            clearable
            clearButtonProps={{ 'aria-label': t('ui.clear') }}
          />
          <Textarea
            label={t('admin.import.paste')}
            description={t('admin.import.pasteHelp')}
            value={csv}
            onChange={(e) => setCsv(e.currentTarget.value)}
            autosize
            minRows={5}
            maxRows={14}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Group>
            <Button
              onClick={doPreview}
              disabled={!csv.trim()}
              loading={run.isPending && !run.variables?.confirm}
            >
              {t('admin.import.preview')}
            </Button>
          </Group>
        </Stack>
      </Card>

      {run.isError && <ErrorAlert error={run.error} fields={[]} />}

      {done && (
        <Alert color="green" role="status" title={t('admin.import.doneTitle')}>
          {t('admin.import.done', {
            created: fmt.number(done.counts.create),
            updated: fmt.number(done.counts.update),
            unchanged: fmt.number(done.counts.unchanged),
          })}
        </Alert>
      )}

      {preview && (
        <Card withBorder component="section" aria-labelledby="import-preview">
          <Stack>
            <Title order={2} size="h3" id="import-preview">
              {t('admin.import.previewTitle')}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
              {(['create', 'update', 'unchanged', 'errors'] as const).map((k) => (
                <div key={k}>
                  <Text component="dt" size="sm" c="dimmed">
                    {t(`admin.import.counts.${k}`)}
                  </Text>
                  <Text
                    component="dd"
                    m={0}
                    fz="xl"
                    fw={700}
                    c={k === 'errors' && preview.counts.errors > 0 ? 'red.8' : undefined}
                  >
                    {fmt.number(preview.counts[k])}
                  </Text>
                </div>
              ))}
            </SimpleGrid>

            {preview.errors.length > 0 && (
              <section aria-labelledby="import-errors">
                <Title order={3} size="h4" id="import-errors" mb="xs" c="red.8">
                  {t('admin.import.errorsTitle', { count: preview.errors.length })}
                </Title>
                <ScrollRegion label={t('admin.import.errorsTitle', { count: preview.errors.length })}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('admin.import.line')}</Table.Th>
                        <Table.Th scope="col">{t('admin.import.field')}</Table.Th>
                        <Table.Th scope="col">{t('admin.import.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.errors.map((e, i) => (
                        <Table.Tr key={`${e.line}-${e.field}-${i}`}>
                          <Table.Td>{fmt.number(e.line)}</Table.Td>
                          <Table.Td>{t(`fields.${e.field}`, { defaultValue: e.field })}</Table.Td>
                          <Table.Td>{e.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollRegion>
              </section>
            )}

            {preview.rows.length > 0 && (
              <section aria-labelledby="import-rows">
                <Title order={3} size="h4" id="import-rows" mb="xs">
                  {t('admin.import.rowsTitle', { count: preview.rows.length })}
                </Title>
                <ScrollRegion label={t('admin.import.rowsTitle', { count: preview.rows.length })}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('admin.import.line')}</Table.Th>
                        <Table.Th scope="col">{t('admin.import.person')}</Table.Th>
                        <Table.Th scope="col">{t('admin.import.action')}</Table.Th>
                        <Table.Th scope="col">{t('admin.import.changes')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.rows.map((r) => (
                        <Table.Tr key={r.line}>
                          <Table.Td>{fmt.number(r.line)}</Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {r.name}
                            </Text>
                            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                              {r.email}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge color={actionColor[r.action]} variant="dot">
                              {t(`admin.import.actions.${r.action}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            {r.changes.map((c) => t(`fields.${c}`, { defaultValue: c })).join(', ')}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollRegion>
              </section>
            )}

            {stale && (
              <Alert color="orange" role="status">
                {t('admin.import.stale')}
              </Alert>
            )}
            {preview.counts.errors > 0 && <Alert color="orange">{t('admin.import.errorsSkipped')}</Alert>}
            {changes === 0 && <Text c="dimmed">{t('admin.import.nothingToDo')}</Text>}
            <Group>
              <Button
                onClick={doConfirm}
                disabled={changes === 0 || stale}
                loading={run.isPending && run.variables?.confirm === true}
              >
                {t('admin.import.confirm', { count: changes })}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
