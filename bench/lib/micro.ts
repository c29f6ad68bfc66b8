import { checkClarity, type ClarityKind, type ClarityLocale } from '../../core/domain/clarity.ts';

/** A pure function timed in this process, call by call, after a warm-up (issue 5: the clarity check). */
export interface MicroResult {
  id: string;
  title: string;
  calls: number;
  medianUs: number;
  p99Us: number;
  maxUs: number;
  targetUs: number;
}

/** 300 characters each, written to trip several rules at once (task verb, jargon, no date, a long sentence). */
const TEXTS: Record<ClarityLocale, string> = {
  fr: 'Mettre en place une démarche de synergie transverse pour optimiser la satisfaction de nos clients grands comptes et fluidifier les process de facturation entre les équipes commerciales, la comptabilité et le support afin que chacun sache enfin qui relance quoi et quand, sans perdre de temps en réunions.',
  en: 'Set up a cross-functional synergy initiative to leverage our best practices and streamline the invoicing workflow between sales, accounting and support so that everyone finally knows who follows up on which client and when, without losing hours in meetings every single week of the year.',
};

function fitTo(text: string, length: number): string {
  let out = text;
  while (out.length < length) out += ' ' + text;
  return out.slice(0, length);
}

function timeCalls(fn: () => unknown, calls: number): number[] {
  for (let i = 0; i < Math.min(500, calls); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  return samples.sort((a, b) => a - b);
}

export function runMicro(quick: boolean): MicroResult[] {
  const calls = quick ? 500 : 5_000;
  const out: MicroResult[] = [];
  for (const locale of ['fr', 'en'] as const) {
    for (const kind of ['objective', 'pitch'] as ClarityKind[]) {
      const text = fitTo(TEXTS[locale], 300);
      const samples = timeCalls(() => checkClarity(text, { locale, kind }), calls);
      out.push({
        id: `clarity.${locale}.${kind}`,
        title: `Clarity check, 300 characters (${locale}, ${kind})`,
        calls,
        medianUs: samples[Math.floor(samples.length / 2)]!,
        p99Us: samples[Math.floor(samples.length * 0.99)]!,
        maxUs: samples[samples.length - 1]!,
        targetUs: 1000,
      });
    }
  }
  return out;
}
