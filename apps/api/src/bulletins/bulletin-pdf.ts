import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';
import { PdfPrinter } from '../common/pdf-printer';
import { bulletinPrintHtml } from './bulletin-document';

/**
 * The bulletin as an A4 PDF: the HTML carries its charts as inline SVG and Chinese text in
 * WenQuanYi Micro Hei, so the PDF has a real text layer. Printed by the shared, bounded printer.
 */
export function renderBulletinPdf(printer: PdfPrinter, content: BulletinContent): Promise<Buffer> {
  return printer.print(bulletinPrintHtml(content));
}
