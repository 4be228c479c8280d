import { temporal } from '@temporalio/proto';
import { readFileSync } from 'node:fs';

type History = temporal.api.history.v1.History;

/**
 * A history recorded by maybeRecordHistory (JSON.stringify of the fetched proto: string longs,
 * enum names, base64 bytes) back as a History message. Built with the proto's own fromObject:
 * the SDK's historyFromJSON fails in this install ("type must be a Type") because
 * @temporalio/common carries its own protobufjs 8 while @temporalio/proto is built on 7.
 */
export function loadHistory(path: string): History {
  return temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(path, 'utf8')));
}
