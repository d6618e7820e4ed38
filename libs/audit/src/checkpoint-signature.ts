import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { StoredCheckpoint } from './audit-log.port.js';
import { canonicalJson } from './canonical-json.js';

export const CHECKPOINT_ALGORITHM = 'ed25519' as const;

/** Everything a checkpoint signs: all its fields but its own id and the signature. */
export type SignedCheckpointFields = Omit<StoredCheckpoint, 'id' | 'signature'>;

export interface CheckpointKeyPair {
  /** PKCS#8, PEM: keep it secret (an environment variable or a file readable by the service only). */
  privateKeyPem: string;
  /** SPKI, PEM: publish it, so that auditors can pin the key checkpoints must be signed with. */
  publicKeyPem: string;
}

/** A fresh Ed25519 key pair, for development defaults and tests. */
export function generateCheckpointKeyPair(): CheckpointKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** The exact bytes signed: canonical JSON, so that a checkpoint read back from any database verifies. */
export function checkpointSigningInput(fields: SignedCheckpointFields): Buffer {
  return Buffer.from(
    canonicalJson({
      upTo: fields.upTo,
      proposals: fields.proposals,
      events: fields.events,
      merkleRoot: fields.merkleRoot,
      algorithm: fields.algorithm,
      publicKey: fields.publicKey,
      createdAt: fields.createdAt,
    }),
    'utf8',
  );
}

/** Signs the fields with the private key, naming its public half inside what is signed. */
export function signCheckpoint(
  fields: Omit<SignedCheckpointFields, 'algorithm' | 'publicKey'>,
  privateKeyPem: string,
): Omit<StoredCheckpoint, 'id'> {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== CHECKPOINT_ALGORITHM) {
    throw new Error(`a checkpoint key must be ${CHECKPOINT_ALGORITHM}, not ${privateKey.asymmetricKeyType}`);
  }
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const signed: SignedCheckpointFields = { ...fields, algorithm: CHECKPOINT_ALGORITHM, publicKey };
  return { ...signed, signature: sign(null, checkpointSigningInput(signed), privateKey).toString('base64') };
}

/**
 * Whether the checkpoint's signature holds under the public key it names. That only shows the fields were not
 * changed since someone with that key signed them: pass the key you trust as `trustedPublicKeyPem` to also
 * refuse a checkpoint re-signed with another key.
 */
export function verifyCheckpointSignature(checkpoint: StoredCheckpoint, trustedPublicKeyPem?: string): boolean {
  try {
    if (checkpoint.algorithm !== CHECKPOINT_ALGORITHM) return false;
    const publicKey = createPublicKey(checkpoint.publicKey);
    if (trustedPublicKeyPem !== undefined && !sameKey(publicKey, createPublicKey(trustedPublicKeyPem))) return false;
    return verify(null, checkpointSigningInput(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    // A key or signature that does not even parse is a signature that does not hold.
    return false;
  }
}

const sameKey = (a: KeyObject, b: KeyObject) =>
  a.export({ type: 'spki', format: 'der' }).equals(b.export({ type: 'spki', format: 'der' }));
