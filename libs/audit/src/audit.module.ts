import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { Clock } from '#kernel';
import { AuditLog } from './audit-log.port.js';
import { AuditCheckpoints } from './use-cases/audit-checkpoints.use-case.js';
import { ReplayProposalQuery } from './use-cases/replay-proposal.query.js';

/**
 * The only Nest file of this library: it wires the pure audit code to the AuditLog that the application's
 * persistence module provides, and to the signing key from configuration.
 */
@Module({
  providers: [
    { provide: ReplayProposalQuery, inject: [AuditLog], useFactory: (log: AuditLog) => new ReplayProposalQuery(log) },
    {
      provide: AuditCheckpoints,
      inject: [AuditLog, Clock, APP_CONFIG],
      useFactory: (log: AuditLog, clock: Clock, config: AppConfig) =>
        new AuditCheckpoints(log, clock, config.audit.signingKeyPem, config.audit.trustedPublicKeysPem),
    },
  ],
  exports: [ReplayProposalQuery, AuditCheckpoints],
})
export class AuditModule {}
