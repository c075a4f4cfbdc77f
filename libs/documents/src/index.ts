/**
 * The papers officials print, sign and file (Nghị định 30/2020/NĐ-CP): plans and reports as DOCX and
 * PDF from one model, and plan items and report tables as Excel workbooks.
 */
export * from './document';
export * from './xlsx';
