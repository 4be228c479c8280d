/**
 * The evidence key under which an item's source document is kept (批示件, 会议纪要, 交办函 as
 * scanned or sent): the supervision office attaches it at 立项 or later; it belongs to no stage.
 */
export const SOURCE_DOCUMENT_KEY = 'source';
