import { SeedStatistic, StatisticsSeeder } from '@wmo/statistics';
import type { PlatformTransaction } from '@wmo/tenancy';

const wholeYear = (year: number) => ({ periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });

/**
 * Stichting Sensoor's national figures as the seeds state them, nothing added: 2013 from the
 * VNG's Q&A (e-mails are "beantwoorde mails", so answered equals conversations there; the seed
 * gives no answered figure for telephone or chat) and 2016 from Sensoor's factsheet, with the one
 * topic share it states exactly ("Zelfmoord komt in 5 procent van de gesprekken aan de orde").
 */
const SENSOOR_STATISTICS: SeedStatistic[] = [
  {
    ...wholeYear(2013),
    channels: [
      { kind: 'PHONE', conversations: 240_000, answered: null },
      { kind: 'CHAT', conversations: 13_000, answered: null },
      { kind: 'EMAIL', conversations: 3_250, answered: 3_250 },
    ],
    topics: [],
    source:
      'VNG, Q&A inventarisatie Sensoor: aantallen dienstverlening 2013 (telefoongesprekken, chatgesprekken, beantwoorde mails)',
  },
  {
    ...wholeYear(2016),
    channels: [
      { kind: 'PHONE', conversations: 233_866, answered: null },
      { kind: 'CHAT', conversations: 18_713, answered: null },
      { kind: 'EMAIL', conversations: 1_198, answered: null },
    ],
    topics: [{ topic: 'Zelfmoord', share: '0.0500' }],
    source: 'Sensoor, factsheet 2016: gesprekken per kanaal (telefoon, chat, mail) en highlights',
  },
];

/** Seeds Stichting Sensoor's figures per whole year; skips a year for which Sensoor already has any figures. */
export async function seedDemoStatistics(tx: PlatformTransaction, sensoorId: string): Promise<void> {
  await new StatisticsSeeder().seedPeriods(tx, sensoorId, SENSOOR_STATISTICS);
}
