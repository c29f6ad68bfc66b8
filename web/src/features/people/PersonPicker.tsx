import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { usePeople } from './people.api.ts';

interface PersonPickerProps {
  label: string;
  value: string | null;
  /** Name of the current choice, shown before any search has run. */
  initialName?: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  excludeId?: string;
  description?: string;
}

/** Searches the directory as you type, so it stays fast with thousands of people. */
export function PersonPicker({
  label,
  value,
  initialName,
  onChange,
  error,
  excludeId,
  description,
}: PersonPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [selectedName, setSelectedName] = useState<string | null>(initialName ?? null);
  // Once a person is chosen the box shows their label: that text is not a search.
  const people = usePeople(debounced === selectedName ? '' : debounced, 0, 20);

  const options = (people.data?.items ?? [])
    .filter((p) => p.id !== excludeId)
    .map((p) => ({ value: p.id, label: p.jobTitle ? `${p.name} — ${p.jobTitle}` : p.name }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: selectedName ?? value });
  }

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('people.picker.placeholder')}
      data={options}
      value={value}
      onChange={(id, option) => {
        setSelectedName(option ? option.label : null);
        onChange(id);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={people.isFetching ? t('app.loading') : t('people.picker.nothing')}
      error={error}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('people.picker.clear') }}
    />
  );
}
