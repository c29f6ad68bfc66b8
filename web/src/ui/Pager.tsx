import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from '../app/translator.ts';
import { useFormat } from './format.ts';

interface PagerProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  label: string;
}

/** Previous / next with "page x of y": every control has a visible name. */
export function Pager({ total, limit, offset, onChange, label }: PagerProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  if (total <= limit) return null;
  return (
    <Group component="nav" aria-label={label} justify="space-between" gap="xs" wrap="wrap">
      <Button
        variant="default"
        size="sm"
        disabled={page <= 1}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('ui.pager.previous')}
      </Button>
      <Text size="sm" aria-live="polite">
        {t('ui.pager.status', { page: fmt.number(page), pages: fmt.number(pages) })}
      </Text>
      <Button variant="default" size="sm" disabled={page >= pages} onClick={() => onChange(offset + limit)}>
        {t('ui.pager.next')}
      </Button>
    </Group>
  );
}
