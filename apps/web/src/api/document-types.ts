/**
 * The dossier's documents and the generated forms, as the API sends them: imported from libs/contracts
 * (`#contracts`), which the server is held to, under the names the screens use.
 */
export {
  DOCUMENT_ACCEPT,
  DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  FORM_FORMATS,
  FORM_NAMES,
  isDocumentKind,
  USUAL_UPLOAD_LIMIT,
  type DocumentFinding,
  type DocumentKind,
  type DossierBody as Dossier,
  type DossierDocumentBody as DossierDocument,
  type DossierRequirementBody as DossierRequirement,
  type FormFormat,
  type FormName,
} from '#contracts';
