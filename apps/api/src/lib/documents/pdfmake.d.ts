// pdfmake 0.3 ships no typings and @types/pdfmake targets 0.2; this declares only the server-side
// surface pdf-layout.ts uses. Document definitions stay loosely typed on purpose.
declare module 'pdfmake' {
  interface PdfFontFiles { normal: string; bold?: string; italics?: string; bolditalics?: string }
  interface PdfOutputDocument { getBuffer(): Promise<Buffer> }
  interface PdfVirtualFs {
    existsSync(filename: string): boolean;
    writeFileSync(filename: string, content: Buffer): void;
  }
  interface PdfMake {
    virtualfs: PdfVirtualFs;
    setFonts(fonts: Record<string, PdfFontFiles>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: Record<string, unknown>, options?: Record<string, unknown>): PdfOutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
