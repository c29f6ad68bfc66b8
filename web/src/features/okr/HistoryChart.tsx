import { Group, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from '../../app/translator.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import type { KeyResult, ReviewWeek } from './okr.api.ts';
import { useOkrFormat } from './okr.format.ts';

/** Drawing width: narrower on a phone, so that the labels keep a readable size once scaled to the screen. */
const WIDE = 640;
const NARROW = 360;
const H = 200;
const PAD = { left: 44, right: 36, top: 14, bottom: 28 };

/**
 * One key result over the weeks, drawn in plain SVG: its value as a line (left scale, in its unit), the
 * target as a dashed line, confidence as light bars (right scale, 0–10), a missed week as a red cross.
 * The same numbers are in the table below it, so the picture is never the only way to read them.
 */
export function KeyResultChart({ kr, weeks }: { kr: KeyResult; weeks: readonly ReviewWeek[] }) {
  const { t } = useTranslation();
  const fmt = useOkrFormat();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const W = narrow ? NARROW : WIDE;
  const points = weeks.map((w) => ({ week: w, entry: w.entries.find((e) => e.keyResultId === kr.id) }));
  const values = points.flatMap((p) => (p.entry ? [p.entry.value] : []));
  let lo = Math.min(kr.start, kr.target, ...values);
  let hi = Math.max(kr.start, kr.target, ...values);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const span = hi - lo;
  lo -= span * 0.08;
  hi += span * 0.08;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, weeks.length);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const yConf = (c: number) => PAD.top + plotH - (c / 10) * plotH;
  const line = points
    .map((p, i) => (p.entry ? `${x(i).toFixed(1)},${y(p.entry.value).toFixed(1)}` : null))
    .filter((s) => s !== null)
    .join(' ');
  const last = [...points].reverse().find((p) => p.entry);
  const missed = points.filter((p) => p.week.state === 'missed').length;
  const summary = t('okr.chart.summary', {
    metric: kr.metric,
    start: fmt.number(kr.start),
    target: fmt.number(kr.target),
    unit: kr.unit,
    current: last?.entry ? fmt.number(last.entry.value) : t('okr.kr.noValue'),
    reviews: points.filter((p) => p.entry).length,
    missed,
  });
  const labelEvery = Math.ceil(weeks.length / (narrow ? 4 : 7));

  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={summary}
        style={{ display: 'block' }}
      >
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#868e96" />
        {[lo + (hi - lo) * 0.1, (lo + hi) / 2, hi - (hi - lo) * 0.1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#495057">
              {fmt.number(Math.round(v * 10) / 10)}
            </text>
          </g>
        ))}
        {[0, 5, 10].map((c) => (
          <text key={c} x={W - PAD.right + 6} y={yConf(c) + 4} fontSize="11" fill="#495057">
            {c}
          </text>
        ))}
        {points.map((p, i) =>
          p.entry ? (
            <rect
              key={p.week.weekStart}
              x={x(i) - step * 0.3}
              width={step * 0.6}
              y={yConf(p.entry.confidence)}
              height={PAD.top + plotH - yConf(p.entry.confidence)}
              fill="#d0ebff"
            />
          ) : null,
        )}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(kr.target)}
          y2={y(kr.target)}
          stroke="#2b8a3e"
          strokeDasharray="6 4"
          strokeWidth={1.5}
        />
        {line && <polyline points={line} fill="none" stroke="#1864ab" strokeWidth={2.5} />}
        {points.map((p, i) =>
          p.entry ? (
            <circle key={p.week.weekStart} cx={x(i)} cy={y(p.entry.value)} r={3.5} fill="#1864ab" />
          ) : p.week.state === 'missed' ? (
            <path
              key={p.week.weekStart}
              d={`M${x(i) - 4},${PAD.top + plotH - 12} l8,8 m0,-8 l-8,8`}
              stroke="#c92a2a"
              strokeWidth={2}
            />
          ) : null,
        )}
        {points.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p.week.weekStart} x={x(i)} y={H - 8} textAnchor="middle" fontSize="11" fill="#495057">
              {fmt.shortDate(p.week.weekStart)}
            </text>
          ) : null,
        )}
      </svg>
      <Group gap="md" mt={4} component="figcaption" wrap="wrap">
        <Legend color="#1864ab" label={t('okr.chart.value', { unit: kr.unit })} />
        <Legend color="#2b8a3e" label={t('okr.chart.target')} dashed />
        <Legend color="#a5d8ff" label={t('okr.chart.confidence')} />
        <Legend color="#c92a2a" label={t('okr.chart.missed')} />
      </Group>
    </figure>
  );
}

function Legend({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="18" height="8" aria-hidden="true">
        <line
          x1="0"
          x2="18"
          y1="4"
          y2="4"
          stroke={color}
          strokeWidth="3"
          strokeDasharray={dashed ? '4 3' : undefined}
        />
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** The numbers behind the charts: every week of the period, value and confidence per key result. */
export function HistoryTable({
  keyResults,
  weeks,
}: {
  keyResults: readonly KeyResult[];
  weeks: readonly ReviewWeek[];
}) {
  const { t } = useTranslation();
  const fmt = useOkrFormat();
  const shown = weeks.filter((w) => w.state !== 'upcoming');
  return (
    <ScrollRegion label={t('okr.history.tableLabel')}>
      <Table striped withTableBorder fz="sm" miw={360}>
        <Table.Caption>{t('okr.history.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('okr.history.week')}</Table.Th>
            {keyResults.map((kr) => (
              <Table.Th scope="col" key={kr.id}>
                {t('okr.history.valueOf', { metric: kr.metric, unit: kr.unit })}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('okr.history.blockers')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={keyResults.length + 2}>{t('okr.history.empty')}</Table.Td>
            </Table.Tr>
          )}
          {shown.map((w) => {
            const blockers = w.entries.filter((e) => e.blockers);
            return (
              <Table.Tr key={w.weekStart}>
                <Table.Th scope="row" fw={500}>
                  {fmt.shortDate(w.weekStart)}
                  {w.state !== 'done' && (
                    <Text span size="xs" c={w.state === 'missed' ? 'red.9' : 'dimmed'} display="block">
                      {t(`okr.weekState.${w.state}`)}
                    </Text>
                  )}
                </Table.Th>
                {keyResults.map((kr) => {
                  const e = w.entries.find((x) => x.keyResultId === kr.id);
                  return (
                    <Table.Td key={kr.id}>
                      {e
                        ? t('okr.history.cell', { value: fmt.number(e.value), confidence: e.confidence })
                        : ''}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  {blockers
                    .map((b) =>
                      t('okr.history.blocker', {
                        metric: keyResults.find((k) => k.id === b.keyResultId)?.metric ?? '',
                        text: b.blockers,
                      }),
                    )
                    .join(' · ')}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
