import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS, type DocumentKind, type DossierDocumentBody, type ItemsBody } from '#contracts';
import type { Holds, SameFields } from '../contract-check.js';

type Uploader = DossierDocumentBody['uploadedBy'];

export class UploaderResponse implements Uploader {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'null when the token carried no name' })
  name!: string | null;
}

/** One document of a dossier. */
export class DossierDocumentResponse implements DossierDocumentBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind!: DocumentKind;

  @ApiProperty({ example: 'to-trinh.pdf' })
  fileName!: string;

  @ApiProperty({ example: 'application/pdf', description: 'As detected from the bytes' })
  mediaType!: string;

  @ApiProperty({ type: 'integer', description: 'Bytes' })
  size!: number;

  @ApiProperty({ description: 'SHA-256 of the bytes (hex); also the ETag of the download' })
  sha256!: string;

  @ApiProperty({ type: UploaderResponse })
  uploadedBy!: UploaderResponse;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
}

export class DossierDocumentListResponse implements ItemsBody<DossierDocumentBody> {
  @ApiProperty({ type: [DossierDocumentResponse] })
  items!: DossierDocumentResponse[];
}

export type DocumentsMirror = [
  Holds<SameFields<UploaderResponse, Uploader>>,
  Holds<SameFields<DossierDocumentResponse, DossierDocumentBody>>,
  Holds<SameFields<DossierDocumentListResponse, ItemsBody<DossierDocumentBody>>>,
];
