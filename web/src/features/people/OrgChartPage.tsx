import { Anchor, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PageLoader } from '../../app/RouteStates.tsx';
import { useMe } from '../../app/session.ts';
import { useOrgChart, type OrgChartNode, personPath } from './people.api.ts';
import classes from './people.module.css';

interface Tree {
  roots: OrgChartNode[];
  children: Map<string, OrgChartNode[]>;
}

function buildTree(items: OrgChartNode[]): Tree {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<string, OrgChartNode[]>();
  const roots: OrgChartNode[] = [];
  for (const item of items) {
    // A manager outside the visible set makes the person a root rather than losing them.
    if (item.managerId && ids.has(item.managerId)) {
      const list = children.get(item.managerId) ?? [];
      list.push(item);
      children.set(item.managerId, list);
    } else roots.push(item);
  }
  const byName = (a: OrgChartNode, b: OrgChartNode) => a.name.localeCompare(b.name);
  roots.sort(byName);
  for (const list of children.values()) list.sort(byName);
  return { roots, children };
}

/** Path from a root down to the given person, to open their branch first. */
function ancestorsOf(items: OrgChartNode[], id: string): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const path: string[] = [];
  let current = byId.get(id);
  const seen = new Set<string>();
  while (current?.managerId && !seen.has(current.managerId)) {
    seen.add(current.managerId);
    path.push(current.managerId);
    current = byId.get(current.managerId);
  }
  return path;
}

export function OrgChartPage() {
  const { t } = useTranslation();
  const me = useMe();
  const chart = useOrgChart();
  const items = chart.data?.items;
  const tree = useMemo(() => buildTree(items ?? []), [items]);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);

  // By default: the first level and the signed-in person's own branch are open.
  const open = useMemo(() => {
    if (expanded) return expanded;
    const initial = new Set<string>(tree.roots.map((r) => r.id));
    for (const id of ancestorsOf(items ?? [], me.person.id)) initial.add(id);
    return initial;
  }, [expanded, tree, items, me.person.id]);

  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  const renderNode = (node: OrgChartNode, level: number) => {
    const kids = tree.children.get(node.id) ?? [];
    const isOpen = open.has(node.id);
    const groupId = `chart-${node.id}`;
    return (
      <li key={node.id} className={classes.node}>
        <Group gap={6} wrap="nowrap" align="flex-start" className={classes.row}>
          {kids.length > 0 ? (
            <UnstyledButton
              className={classes.toggle}
              onClick={() => toggle(node.id)}
              aria-expanded={isOpen}
              aria-controls={groupId}
              aria-label={t(isOpen ? 'people.chart.collapse' : 'people.chart.expand', { name: node.name })}
            >
              <span aria-hidden>{isOpen ? '−' : '+'}</span>
            </UnstyledButton>
          ) : (
            <span className={classes.spacer} aria-hidden />
          )}
          <div style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to={personPath(node.id)}
              fw={node.id === me.person.id ? 700 : 500}
              aria-current={node.id === me.person.id ? 'true' : undefined}
            >
              {node.name}
            </Anchor>
            <Text size="sm" c="dimmed" component="span" ml={6}>
              {node.jobTitle}
            </Text>
            {kids.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('people.chart.reports', { count: kids.length })}
              </Text>
            )}
          </div>
        </Group>
        {kids.length > 0 && isOpen && (
          <ul
            id={groupId}
            className={classes.children}
            aria-label={t('people.chart.teamOf', { name: node.name })}
          >
            {kids.map((k) => renderNode(k, level + 1))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <Stack>
      <PageTitle>{t('people.chart.title')}</PageTitle>
      <Text c="dimmed">{t('people.chart.intro')}</Text>
      {chart.isPending && <PageLoader />}
      {chart.isError && <ErrorAlert error={chart.error} />}
      {items && (
        <>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => setExpanded(new Set(tree.children.keys()))}>
              {t('people.chart.expandAll')}
            </Button>
            <Button variant="default" size="xs" onClick={() => setExpanded(new Set())}>
              {t('people.chart.collapseAll')}
            </Button>
          </Group>
          {items.length === 0 ? (
            <Text>{t('people.chart.empty')}</Text>
          ) : (
            <div className={classes.chart}>
              <ul className={classes.rootList} aria-label={t('people.chart.title')}>
                {tree.roots.map((r) => renderNode(r, 1))}
              </ul>
            </div>
          )}
        </>
      )}
    </Stack>
  );
}
