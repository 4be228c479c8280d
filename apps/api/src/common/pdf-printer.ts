import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Browser } from 'playwright-core';
import { DomainError } from '@duban/domain/errors/domain-error';
import { launchHeadlessChromium } from './headless-chromium';

/** Pages printed at once, and requests that may wait for one; beyond that, 429. */
export const PDF_CONCURRENCY = 2;
export const PDF_QUEUE = 8;
/** An idle browser is closed after this long, so a quiet server holds no Chromium. */
const IDLE_CLOSE_MS = 60_000;
/** How long one print may take before it is given up. */
const PRINT_TIMEOUT_MS = 30_000;

export class PdfBusyError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'PDF_BUSY',
      429,
      `正在生成的 PDF 太多，请 ${retryAfterSeconds} 秒后重试`,
      `Too many PDFs being printed; retry in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }
}

/**
 * Prints HTML to A4 PDF in ONE shared headless Chromium (launched on first use, closed when idle),
 * at most PDF_CONCURRENCY pages at a time with at most PDF_QUEUE requests waiting: a burst of
 * exports costs one browser and a bounded queue, and the rest are told when to come back.
 */
@Injectable()
export class PdfPrinter implements OnModuleDestroy {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private idleTimer: NodeJS.Timeout | null = null;
  /** Browsers launched so far (one per busy period; tests check a burst shares one). */
  launches = 0;

  async print(html: string, margin = { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' }): Promise<Buffer> {
    await this.slot();
    try {
      const browser = await this.shared();
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(PRINT_TIMEOUT_MS);
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, margin });
      } finally {
        await context.close().catch(() => undefined);
      }
    } catch (error) {
      // A crashed browser is launched afresh by the next print.
      if (this.browser && !(await this.browser.then((b) => b.isConnected()).catch(() => false))) this.browser = null;
      throw error;
    } finally {
      this.release();
    }
  }

  /** Requests printing or waiting now (for tests and /health). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.closeBrowser();
  }

  private async slot(): Promise<void> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.running < PDF_CONCURRENCY) {
      this.running++;
      return;
    }
    if (this.waiting.length >= PDF_QUEUE) throw new PdfBusyError(10);
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) return next(); // the slot passes on; running stays the same
    this.running--;
    if (this.running === 0) {
      this.idleTimer = setTimeout(() => void this.closeBrowser(), IDLE_CLOSE_MS);
      this.idleTimer.unref();
    }
  }

  private shared(): Promise<Browser> {
    if (!this.browser) this.launches++;
    this.browser ??= launchHeadlessChromium().catch((error: unknown) => {
      this.browser = null;
      throw error;
    });
    return this.browser;
  }

  private async closeBrowser(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }
}
