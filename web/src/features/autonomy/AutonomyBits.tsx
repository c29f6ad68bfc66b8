import { Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from '../../app/translator.ts';
import { useFormat } from '../../ui/format.ts';
import {
  type Indicator,
  type IndicatorBrief,
  type Period,
  type RateResult,
  periods,
} from './autonomy.api.ts';
import classes from './autonomy.module.css';
import { dateFormat, numberFormat } from '../../ui/intl.ts';

export const LEVELS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * One sequential blue per level, from "I decide" (lightest) to "you decide" (darkest). Text is dark on 1–5 and
 * white on 6–7: every pair is above 5:1. The number and the name are always written: colour is a help only.
 */
export const levelColors: Record<number, { bg: string; fg: string }> = {
  1: { bg: '#eef3fb', fg: '#1a1b1e' },
  2: { bg: '#d7e5f7', fg: '#1a1b1e' },
  3: { bg: '#b3cdee', fg: '#1a1b1e' },
  4: { bg: '#86afe2', fg: '#1a1b1e' },
  5: { bg: '#5b8fd3', fg: '#1a1b1e' },
  6: { bg: '#2f67b1', fg: '#ffffff' },
  7: { bg: '#163f7c', fg: '#ffffff' },
};

export const levelName = (t: (key: string) => string, level: number) => t(`autonomy.levels.${level}.name`);

/** "4 · S'accorder" on the level's colour; the meaning in the tooltip of a pointer, written out elsewhere. */
export function LevelBadge({ level, withName = true }: { level: number; withName?: boolean }) {
  const { t } = useTranslation();
  const c = levelColors[level] ?? levelColors[1]!;
  return (
    <span
      className={classes.levelBadge}
      style={{ background: c.bg, color: c.fg }}
      title={t(`autonomy.levels.${level}.meaning`)}
    >
      <span className={classes.levelNumber}>{level}</span>
      {withName ? <span>{levelName(t, level)}</span> : <VisuallyHidden>{levelName(t, level)}</VisuallyHidden>}
    </span>
  );
}

/** A calendar day ("2026-03-02") written in the UI language, the same day in every time zone. */
export function useDay() {
  const { i18n } = useTranslation();
  const f = dateFormat(i18n.resolvedLanguage ?? 'fr', { dateStyle: 'long', timeZone: 'UTC' });
  return (day: string) => f.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** Percentages and percentage points in the UI language. */
export function usePercent() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'fr';
  const pct = numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const pts = numberFormat(lang, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  return {
    rate: (r: number) => pct.format(r),
    points: (delta: number) => pts.format(Math.round(delta * 100)),
  };
}

const trendArrow = { up: '↑', down: '↓', flat: '→' } as const;
const trendClass = { up: classes.trendUp, down: classes.trendDown, flat: classes.trendFlat } as const;

/** Arrow and delta in points, with a spoken sentence for screen readers. */
export function Trend({
  indicator,
  size = 'sm',
}: {
  indicator: Pick<Indicator, 'trend' | 'delta'>;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  const p = usePercent();
  if (indicator.trend === null || indicator.delta === null) {
    return (
      <Text span size={size} c="dimmed">
        {t('autonomy.indicator.noTrend')}
      </Text>
    );
  }
  const points = p.points(indicator.delta);
  return (
    <Text span size={size} fw={600} className={trendClass[indicator.trend]} style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden>
        {trendArrow[indicator.trend]} {t('autonomy.indicator.points', { value: points })}
      </span>
      <VisuallyHidden>{t(`autonomy.indicator.trend.${indicator.trend}`, { value: points })}</VisuallyHidden>
    </Text>
  );
}

const SPARK_W = 72;
const SPARK_H = 22;

/** Polyline segments of a series, broken where a period has no data. */
function segments(series: readonly (number | null)[], width: number, height: number, pad: number) {
  const n = series.length;
  const x = (i: number) => (n <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (r: number) => pad + (1 - r) * (height - 2 * pad);
  const parts: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  series.forEach((rate, i) => {
    if (rate === null) {
      if (current.length) parts.push(current);
      current = [];
    } else current.push({ x: x(i), y: y(rate) });
  });
  if (current.length) parts.push(current);
  return { parts, x, y };
}

/** A tiny line of the rate over the last periods; decorative, the figures are written next to it. */
export function Sparkline({ rates }: { rates: readonly (number | null)[] }) {
  const { parts } = segments(rates, SPARK_W, SPARK_H, 3);
  return (
    <svg
      width={SPARK_W}
      height={SPARK_H}
      viewBox={`0 0 ${SPARK_W} ${SPARK_H}`}
      aria-hidden="true"
      focusable="false"
      style={{ flex: 'none' }}
    >
      <line x1={0} x2={SPARK_W} y1={SPARK_H - 1} y2={SPARK_H - 1} stroke="#ced4da" strokeWidth={1} />
      {parts.map((pts, i) =>
        pts.length === 1 ? (
          <circle key={i} cx={pts[0]!.x} cy={pts[0]!.y} r={2} fill="#1864ab" />
        ) : (
          <polyline
            key={i}
            points={pts.map((p) => `${p.x},${p.y}`).join(' ')}
            fill="none"
            stroke="#1864ab"
            strokeWidth={1.75}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        ),
      )}
    </svg>
  );
}

/** The rate of a person's row: "72 %", trend, sparkline; or "not enough data". */
export function RateCell({ indicator }: { indicator: IndicatorBrief }) {
  const { t } = useTranslation();
  const p = usePercent();
  const rate = indicator.rate;
  if (rate === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('autonomy.indicator.notEnough')}
      </Text>
    );
  }
  return (
    <Group gap={8} wrap="nowrap">
      <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {p.rate(rate)}
      </Text>
      <Trend indicator={indicator} />
      <Sparkline rates={indicator.rates} />
    </Group>
  );
}

const CHART_W = 320;
const CHART_H = 120;
const LEFT = 34;

/** The rate over the periods of the series, with its values as a table under a disclosure. */
export function RateChart({ indicator, title }: { indicator: Indicator; title: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = usePercent();
  const series = indicator.series;
  const plotW = CHART_W - LEFT - 8;
  const plotH = CHART_H - 24;
  const n = series.length;
  const x = (i: number) => LEFT + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (r: number) => 6 + (1 - r) * (plotH - 6);
  // Consecutive periods with data are joined; a period without any is a gap in the line.
  const shifted: { x: number; y: number; key: number }[][] = [];
  let run: { x: number; y: number; key: number }[] = [];
  series.forEach((s, i) => {
    if (s.rate === null) {
      if (run.length) shifted.push(run);
      run = [];
    } else run.push({ x: x(i), y: y(s.rate), key: i });
  });
  if (run.length) shifted.push(run);
  const known = series.filter((s) => s.rate !== null);
  const label = known.length
    ? t('autonomy.chart.summary', {
        title,
        first: p.rate(known[0]!.rate!),
        last: p.rate(known[known.length - 1]!.rate!),
        periods: series.length,
      })
    : t('autonomy.chart.empty', { title });
  // Each point is a period; it is labelled with its last day.
  const lastDay = (s: RateResult) => fmt.period(s.from, s.to).last;
  return (
    <Stack gap={4}>
      <svg
        className={classes.chart}
        viewBox={`0 0 ${CHART_W} ${CHART_H}`}
        role="img"
        aria-label={label}
        focusable="false"
      >
        {[0, 0.5, 1].map((r) => (
          <g key={r}>
            <line x1={LEFT} x2={CHART_W - 8} y1={y(r)} y2={y(r)} stroke="#dee2e6" strokeWidth={1} />
            <text x={LEFT - 4} y={y(r) + 4} textAnchor="end" fontSize={10} fill="#495057">
              {p.rate(r)}
            </text>
          </g>
        ))}
        {shifted.map((pts, i) => (
          <g key={i}>
            {pts.length > 1 && (
              <polyline
                points={pts.map((pt) => `${pt.x},${pt.y}`).join(' ')}
                fill="none"
                stroke="#1864ab"
                strokeWidth={2.5}
                strokeLinejoin="round"
                strokeLinecap="round"
              />
            )}
            {pts.map((pt) => (
              <circle key={pt.key} cx={pt.x} cy={pt.y} r={3.5} fill="#1864ab" />
            ))}
          </g>
        ))}
        {n > 0 && (
          <>
            <text x={x(0)} y={CHART_H - 4} fontSize={10} fill="#495057" textAnchor="start">
              {lastDay(series[0]!)}
            </text>
            <text x={x(n - 1)} y={CHART_H - 4} fontSize={10} fill="#495057" textAnchor="end">
              {lastDay(series[n - 1]!)}
            </text>
          </>
        )}
      </svg>
      <details className={classes.details}>
        <summary>{t('autonomy.chart.showValues')}</summary>
        <SeriesTable series={series} caption={title} />
      </details>
    </Stack>
  );
}

function SeriesTable({ series, caption }: { series: RateResult[]; caption: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = usePercent();
  return (
    <Table withTableBorder={false} fz="sm" mt="xs" captionSide="top">
      <Table.Caption style={{ textAlign: 'start' }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('autonomy.chart.period')}</Table.Th>
          <Table.Th scope="col">{t('autonomy.chart.rate')}</Table.Th>
          <Table.Th scope="col">{t('autonomy.chart.concluded')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {series.map((s) => {
          const days = fmt.period(s.from, s.to);
          return (
            <Table.Tr key={s.from}>
              <Table.Th scope="row" fw={400}>
                {t('autonomy.chart.range', { from: days.first, to: days.last })}
              </Table.Th>
              <Table.Td>{s.rate === null ? t('autonomy.indicator.notEnough') : p.rate(s.rate)}</Table.Td>
              <Table.Td>
                {t('autonomy.chart.concludedValue', {
                  without: fmt.number(s.withoutValidation),
                  total: fmt.number(s.concluded),
                })}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The headline: big rate, trend against the previous period, what it counts, and the line chart. */
export function IndicatorHeadline({ indicator, title }: { indicator: Indicator; title: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = usePercent();
  const c = indicator.current;
  return (
    <Stack gap="xs">
      <Group gap="md" align="baseline" wrap="wrap">
        <Text fz={40} fw={700} lh={1} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {c.rate === null ? t('autonomy.indicator.noRate') : p.rate(c.rate)}
        </Text>
        <Trend indicator={indicator} size="md" />
      </Group>
      <Text size="sm" c="dimmed">
        {c.rate === null
          ? t('autonomy.indicator.notEnoughHelp')
          : t('autonomy.indicator.counted', {
              without: fmt.number(c.withoutValidation),
              total: fmt.number(c.concluded),
              count: c.concluded,
            })}
      </Text>
      <RateChart indicator={indicator} title={title} />
    </Stack>
  );
}

/** 30 / 90 / 365 days as a labelled radio group. */
export function PeriodControl({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div>
      <Text size="sm" fw={500} id={id} mb={4}>
        {t('autonomy.period.label')}
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        value={String(value)}
        onChange={(v) => onChange(periods.find((d) => String(d) === v) ?? 90)}
        data={periods.map((d) => ({ value: String(d), label: t(`autonomy.period.d${d}`) }))}
      />
    </div>
  );
}

export const parsePeriod = (v: unknown): Period | undefined => periods.find((d) => String(d) === String(v));
