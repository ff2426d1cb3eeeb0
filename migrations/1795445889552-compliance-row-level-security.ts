import { MigrationInterface, QueryRunner } from 'typeorm';

const OWN = `organisation_id = app_org_id() OR app_is_operator()`;

/**
 * Row-level security for statistics, notifications, webhooks and the compliance evaluation (see
 * 1795438213870 for the settings).
 *
 * - Service statistics are national figures: every signed-in caller reads them; only the
 *   provider itself (or the operator) records them.
 * - Notifications, read marks, webhook subscriptions and deliveries: the own organisation and the
 *   operator. Notifications and deliveries are written by the platform (as the operator); a user
 *   marks only their own reads.
 * - The evaluation's state is the platform's alone.
 */
export class ComplianceRowLevelSecurity1795445889552 implements MigrationInterface {
  name = 'ComplianceRowLevelSecurity1795445889552';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const enable = async (table: string) => {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    };
    await enable('service_statistic');
    await queryRunner.query(
      `CREATE POLICY service_statistic_read ON service_statistic FOR SELECT USING (app_org_id() IS NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE POLICY service_statistic_write ON service_statistic USING (provider_id = app_org_id() OR app_is_operator()) WITH CHECK (provider_id = app_org_id() OR app_is_operator())`,
    );

    await enable('notification');
    await queryRunner.query(
      `CREATE POLICY notification_tenant ON notification USING (${OWN}) WITH CHECK (app_is_operator())`,
    );
    await enable('notification_read');
    await queryRunner.query(`
      CREATE POLICY notification_read_tenant ON notification_read
        USING (${OWN})
        WITH CHECK (organisation_id = app_org_id() AND user_id::text = app_setting('app.user_id'))`);
    await enable('webhook_subscription');
    await queryRunner.query(
      `CREATE POLICY webhook_subscription_tenant ON webhook_subscription USING (${OWN}) WITH CHECK (${OWN})`,
    );
    await enable('webhook_delivery');
    await queryRunner.query(
      `CREATE POLICY webhook_delivery_tenant ON webhook_delivery USING (${OWN}) WITH CHECK (app_is_operator())`,
    );

    for (const table of ['obligation_state', 'compliance_evaluation']) {
      await enable(table);
      await queryRunner.query(
        `CREATE POLICY ${table}_platform ON ${table} USING (app_is_operator()) WITH CHECK (app_is_operator())`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const policies: Array<[string, string]> = [
      ['service_statistic', 'service_statistic_read'],
      ['service_statistic', 'service_statistic_write'],
      ['notification', 'notification_tenant'],
      ['notification_read', 'notification_read_tenant'],
      ['webhook_subscription', 'webhook_subscription_tenant'],
      ['webhook_delivery', 'webhook_delivery_tenant'],
      ['obligation_state', 'obligation_state_platform'],
      ['compliance_evaluation', 'compliance_evaluation_platform'],
    ];
    for (const [table, policy] of policies) await queryRunner.query(`DROP POLICY ${policy} ON ${table}`);
    for (const table of new Set(policies.map(([table]) => table))) {
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
