import { BulletinContent } from '../../../../libs/domain/src/bulletin/bulletin-content';
import { launchHeadlessChromium } from '../common/headless-chromium';
import { bulletinPrintHtml } from './bulletin-document';

/**
 * Prints the bulletin to an A4 PDF with Chromium (CHROMIUM_PATH, default /usr/bin/chromium): the
 * HTML carries its charts as inline SVG and Chinese text in WenQuanYi Micro Hei, so the PDF has a
 * real text layer. One browser per export: exports are rare, and nothing is left running.
 */
export async function renderBulletinPdf(content: BulletinContent): Promise<Buffer> {
  const browser = await launchHeadlessChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(bulletinPrintHtml(content), { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
  }
}
