import JSZip from 'jszip';

/** For supertest's `.parse()`: keeps a file's bytes as a Buffer (its default would read them as text). */
export function binary(response: { on: (event: string, listener: (chunk?: Buffer) => void) => void }, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk) => chunks.push(chunk!));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The words of a DOCX, read back from its XML: one line per paragraph. */
export async function docxText(file: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}
