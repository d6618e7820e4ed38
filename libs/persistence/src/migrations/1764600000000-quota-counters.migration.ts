import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Two scans that grew with the data, found by the benchmarks.
 *
 * Quotas are counted on every FORWARD (TH-1, TH-2, TH-3). Counting the campaign's proposals each time grew
 * with the campaign (25 ms at 10,000 proposals on SQLite, 60 ms on PostgreSQL, parsing each snapshot); a
 * counter per campaign, award form, unit and steering-member flag, kept in the command's own transaction,
 * makes it one small read.
 */
export class QuotaCounters1764600000000 implements MigrationInterface {
  name = 'QuotaCounters1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'quota_counters',
        columns: [
          { name: 'campaign_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'award_form', type: 'varchar', length: '40', isPrimary: true },
          { name: 'unit_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'steering_member', type: 'integer', isPrimary: true },
          { name: 'n', type: 'integer' },
        ],
      }),
    );
    const member =
      queryRunner.connection.options.type === 'postgres'
        ? "CASE WHEN (snapshot::json #>> '{context,nominee,steeringCommitteeMember}') = 'true' THEN 1 ELSE 0 END"
        : "CASE WHEN json_extract(snapshot, '$.context.nominee.steeringCommitteeMember') = 1 THEN 1 ELSE 0 END";
    await queryRunner.query(
      `INSERT INTO quota_counters (campaign_id, award_form, unit_id, steering_member, n)
       SELECT campaign_id, award_form, unit_id, ${member}, COUNT(*) FROM proposals
       WHERE campaign_id IS NOT NULL AND state IN ('councilScreening', 'homeAffairsAgreement', 'chairmanDecision', 'awarded')
       GROUP BY campaign_id, award_form, unit_id, ${member}`,
    );
    // The timer reconciler walks open deadlines in id order per state (and per campaign after a reschedule).
    await queryRunner.createIndex('proposals', new TableIndex({ name: 'ix_proposals_state_id', columnNames: ['state', 'id'] }));
    await queryRunner.createIndex(
      'proposals',
      new TableIndex({ name: 'ix_proposals_campaign_state_id', columnNames: ['campaign_id', 'state', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('proposals', 'ix_proposals_campaign_state_id');
    await queryRunner.dropIndex('proposals', 'ix_proposals_state_id');
    await queryRunner.dropTable('quota_counters');
  }
}
