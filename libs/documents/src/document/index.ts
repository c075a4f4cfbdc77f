export {
  appendixTable,
  appendixTotals,
  documentReference,
  headerBodyName,
  numberLine,
  placeAndDateLine,
  recipientLines,
  type AppendixRow,
  type AppendixTotals,
  type CellAlign,
  type DocumentHeader,
  type DocumentIssuer,
  type DocumentModel,
  type DocumentParagraph,
  type DocumentSection,
  type DocumentTable,
  type DocumentType,
  type PlanAppendix,
  type Signature,
  type TableColumn,
} from './document-model';
export { planDocument, type GuidanceReference, type PlanDocumentInput } from './plan-document';
export { reportDocument, reportPeriodLabel, type ProvincialSummary, type ProvincialUnitRow, type ReportDocumentInput, type ReportDocumentLine } from './report-document';
export { DOCX_FONT, renderDocx } from './render-docx';
export { renderPdf, type RenderPdfOptions } from './render-pdf';
export { DocumentFontMissing, findSerifFonts, type SerifFonts } from './pdf-fonts';
