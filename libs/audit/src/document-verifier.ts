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

  const removals = new Map<string, AuditedEvent>();
  for (const event of removed) removals.set(String((event.payload as { documentId?: unknown }).documentId), event);

  const digests = new Map<string, Awaited<ReturnType<DocumentEvidence['digest']>>>();
  for (const event of attached) {
    const sealed = event.payload as unknown as DocumentAttachedPayload;
    const record = byId.get(sealed.documentId);
    if (!record) return breakAt(event.seq, 'document_missing', `the record of document ${sealed.documentId} is gone`);
    const differing = differingField(record, sealed, event);
    if (differing) return breakAt(event.seq, 'document_altered', `the record of document ${sealed.documentId} changed its ${differing}`);
    if (!removalMatches(record, removals.get(record.id))) {
      return breakAt(event.seq, 'document_altered', `the record of document ${record.id} does not say what the log says of its removal`);
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

function differingField(record: StoredDocumentRecord, sealed: DocumentAttachedPayload, line: AuditedEvent): string | null {
  if (record.seq !== line.seq) return 'seq';
  for (const field of SEALED_FIELDS) if (record[field] !== sealed[field]) return field;
  if (record.uploadedById !== (line.actor as { id?: string }).id) return 'uploader';
  if (record.uploadedAt !== line.at) return 'upload time';
  return null;
}

/**
 * The removal stamp is one fact in three columns: all empty while the log has not removed the document, all
 * saying the DOCUMENT_REMOVED line (seq, who, when) once it has. A stamp cleared or forged in part would put a
 * removed document back in the dossier, or take a live one out of it.
 */
function removalMatches(record: StoredDocumentRecord, removal: AuditedEvent | undefined): boolean {
  if (!removal) return record.removedSeq === null && record.removedById === null && record.removedAt === null;
  return (
    record.removedSeq === removal.seq &&
    record.removedById === (removal.actor as { id?: string }).id &&
    record.removedAt === removal.at
  );
}
