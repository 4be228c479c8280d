import { Browser, chromium } from 'playwright-core';
import { apiConfig } from '../config/api-config';

/**
 * Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium; installed by
 * scripts/provision/system-packages.sh), never a downloaded build. The background-networking flags
 * keep it from calling home on a closed network; --no-sandbox because servers and CI run as root.
 */
export function launchHeadlessChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: apiConfig().chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
