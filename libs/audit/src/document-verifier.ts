import type { AuditedEvent } from './audit-log.port.js';
import type { ChainBreak } from './chain-verifier.js';
import { DOCUMENT_ATTACHED, DOCUMENT_REMOVED, type DocumentAttachedPayload } from './dossier-events.js';
import type { DocumentEvidence, StoredDocumentRecord } from './document-evidence.port.js';

const SEALED_FIELDS = ['kind', 'fileName', 'mediaType', 'size', 'sha256'] as const;

/**
 * Checks the documents a proposal's (already sound) log seals against what is stored: each DOCUMENT_ATTACHED
 * must have its record, saying what the log says, and bytes that still hash to the sealed SHA-256; a
 * DOCUMENT_REMOVED must be the one that stamped the record. Returns the first problem, or null.
 *
 * The same bytes are hashed once per call even when several documents share them.
 */
export async function verifyDocuments(
  proposalId: string,
  events: readonly AuditedEvent[],
  evidence: DocumentEvidence,
): Promise<ChainBreak | null> {
  const attached = events.filter((event) => event.type === DOCUMENT_ATTACHED);
  const removed = events.filter((event) => event.type === DOCUMENT_REMOVED);
  const records = await evidence.recordsOf(proposalId);
  const byId = new Map(records.map((record) => [record.id, record]));
  const breakAt = (seq: number, reason: ChainBreak['reason'], detail: string): ChainBreak => ({ proposalId, seq, reason, detail });

  const sealedIds = new Set(attached.map((event) => String((event.payload as { documentId?: unknown }).documentId)));
  const unsealed = records.find((record) => !sealedIds.has(record.id));
  if (unsealed) return breakAt(unsealed.seq, 'document_altered', `document ${unsealed.id} (${unsealed.fileName}) is stored but the log never sealed it`);

  const removedAt = new Map<string, number>();
  for (const event of removed) removedAt.set(String((event.payload as { documentId?: unknown }).documentId), event.seq);

  const digests = new Map<string, Awaited<ReturnType<DocumentEvidence['digest']>>>();
  for (const event of attached) {
    const sealed = event.payload as unknown as DocumentAttachedPayload;
    const record = byId.get(sealed.documentId);
    if (!record) return breakAt(event.seq, 'document_missing', `the record of document ${sealed.documentId} is gone`);
    const differing = differingField(record, sealed, event.seq);
    if (differing) return breakAt(event.seq, 'document_altered', `the record of document ${sealed.documentId} changed its ${differing}`);
    if ((removedAt.get(record.id) ?? null) !== record.removedSeq) {
      return breakAt(event.seq, 'document_altered', `the record of document ${record.id} does not say when the log removed it`);
    }
    if (!digests.has(sealed.sha256)) digests.set(sealed.sha256, await evidence.digest(sealed.sha256));
    const digest = digests.get(sealed.sha256);
    if (!digest) return breakAt(event.seq, 'document_missing', `the bytes of document ${record.id} (${record.fileName}) are gone`);
    if (digest.sha256 !== sealed.sha256 || digest.size !== sealed.size) {
      return breakAt(event.seq, 'document_altered', `the stored bytes of document ${record.id} (${record.fileName}) are not the ones sealed`);
    }
  }
  return null;
}

function differingField(record: StoredDocumentRecord, sealed: DocumentAttachedPayload, seq: number): string | null {
  if (record.seq !== seq) return 'seq';
  for (const field of SEALED_FIELDS) if (record[field] !== sealed[field]) return field;
  return null;
}
