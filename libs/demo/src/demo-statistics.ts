import { EntityManager } from 'typeorm';
import { lockProviderStatistics } from '@wmo/statistics';

/**
 * Stichting Sensoor's national figures as the seeds state them, nothing added: 2013 from the
 * VNG's Q&A (e-mails are "beantwoorde mails", so answered equals conversations there; the seed
 * gives no answered figure for telephone or chat) and 2016 from Sensoor's factsheet, with the one
 * topic share it states exactly ("Zelfmoord komt in 5 procent van de gesprekken aan de orde").
 */
const SENSOOR_STATISTICS = [
  {
    year: 2013,
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
    year: 2016,
    channels: [
      { kind: 'PHONE', conversations: 233_866, answered: null },
      { kind: 'CHAT', conversations: 18_713, answered: null },
      { kind: 'EMAIL', conversations: 1_198, answered: null },
    ],
    topics: [{ topic: 'Zelfmoord', share: '0.0500' }],
    source: 'Sensoor, factsheet 2016: gesprekken per kanaal (telefoon, chat, mail) en highlights',
  },
];

/** Seeds the figures per whole year; skips a year for which Sensoor already has any figures. */
export async function seedDemoStatistics(manager: EntityManager): Promise<void> {
  const [sensoor] = await manager.query(
    `SELECT organisation_id AS id FROM provider WHERE legal_name = 'Stichting Sensoor'`,
  );
  if (!sensoor) return;
  await lockProviderStatistics(manager, sensoor.id);
  for (const figures of SENSOOR_STATISTICS) {
    await manager.query(
      `INSERT INTO service_statistic (provider_id, period_start, period_end, channels, topics, source)
       SELECT $1, $2::date, $3::date, $4, $5, $6
        WHERE NOT EXISTS (SELECT 1 FROM service_statistic WHERE provider_id = $1 AND period_start <= $3::date AND period_end >= $2::date)`,
      [
        sensoor.id,
        `${figures.year}-01-01`,
        `${figures.year}-12-31`,
        JSON.stringify(figures.channels),
        JSON.stringify(figures.topics),
        figures.source,
      ],
    );
  }
}
