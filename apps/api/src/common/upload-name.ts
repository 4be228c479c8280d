/** Multer hands file names over as latin1 bytes; browsers send UTF-8 (整改清单.xlsx). */
export function decodeUploadName(originalname: string): string {
  return Buffer.from(originalname, 'latin1').toString('utf8');
}
