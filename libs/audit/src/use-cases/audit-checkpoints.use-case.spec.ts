import { FixedClock } from '#kernel';
import { generateCheckpointKeyPair } from '../checkpoint-signature.js';
import { InMemoryAuditLog } from '../test-support/in-memory-audit-log.js';
import { sealProposalLog } from '../test-support/sealed-proposal-log.js';
import { AuditCheckpoints } from './audit-checkpoints.use-case.js';

/** Given a log and a checkpoint signed before a key rotation, when it is verified after, then whom it trusts. */
describe('audit checkpoints across a signing-key rotation', () => {
  const clock = new FixedClock(new Date('2026-09-01T00:00:00.000Z'));
  const [earlier, current, stranger] = [generateCheckpointKeyPair(), generateCheckpointKeyPair(), generateCheckpointKeyPair()];
  const log = () => new InMemoryAuditLog().add(sealProposalLog('p-1'), sealProposalLog('p-2'));

  const signedWith = async (privateKeyPem: string, auditLog: InMemoryAuditLog) =>
    (await new AuditCheckpoints(auditLog, clock, privateKeyPem).create()).checkpoint;

  it('a checkpoint signed with an earlier key verifies when that key is still trusted, and not otherwise', async () => {
    const auditLog = log();
    const old = await signedWith(earlier.privateKeyPem, auditLog);

    const trusting = new AuditCheckpoints(auditLog, clock, current.privateKeyPem, [earlier.publicKeyPem]);
    expect((await trusting.verify(old)).checkpoint).toMatchObject({ signatureValid: true, merkleRootMatches: true, ok: true });

    const forgetful = new AuditCheckpoints(auditLog, clock, current.privateKeyPem);
    expect((await forgetful.verify(old)).checkpoint).toMatchObject({ signatureValid: false, ok: false });
  });

  it('a checkpoint re-signed with a stranger’s key is refused whatever earlier keys are trusted', async () => {
    const auditLog = log();
    const forged = await signedWith(stranger.privateKeyPem, auditLog);
    const server = new AuditCheckpoints(auditLog, clock, current.privateKeyPem, [earlier.publicKeyPem]);
    expect((await server.verify(forged)).checkpoint).toMatchObject({ signatureValid: false, ok: false });
    expect((await server.verify(await signedWith(current.privateKeyPem, auditLog))).checkpoint).toMatchObject({ signatureValid: true });
  });
});
