import type { EntityDef } from '../schema/EntityDef';
import { readQueryOptions } from '../http/readQueryOptions';
import { serializeRow } from '../http/serializeRow';
import { bindFilter } from '../odata/bindFilter';
import { parseFilter } from '../odata/parseFilter';
import { parseSelect } from '../odata/parseSelect';
import { contextUrl } from './contextUrl';
import type { Handler } from './Handler';
import { jsonResponse } from './jsonResponse';
import { readPeriod } from './readPeriod';
import { summarizeActivity } from './summarizeActivity';

const DAY_MS = 24 * 3600 * 1000;

/**
 * A report function over the usage events: `getCredentialUsageSummary(period='D30')` (legacy, period
 * case-insensitive) or `userRegistrationActivity(period='d30')` (successor). Periods reach back from the
 * data's reference instant. `$filter` on the documented properties; no paging (the result is small).
 */
export function activityReport(entity: EntityDef, legacy: boolean): Handler {
  return (context) => {
    const days = readPeriod(context, legacy);
    const options = readQueryOptions(context.unit, ['$filter', '$select']);
    const filterText = options.get('$filter');
    const predicate = filterText === undefined ? null : bindFilter(parseFilter(filterText), entity);
    const select = options.has('$select') ? parseSelect(options.get('$select') ?? '', entity) : null;
    const { data, seed } = context.state;
    const since = Date.parse(data.referenceDateTime) - days * DAY_MS;
    const events = legacy ? data.usageDetails : data.userEventsSummary;
    const rows = summarizeActivity(events, since, [seed, entity.name, days]).filter((row) => predicate === null || predicate(row));
    return jsonResponse(context, 200, {
      '@odata.context': contextUrl(context, `Collection(microsoft.graph.${entity.name})`),
      value: rows.map((row) => serializeRow(row, entity, { version: context.version, includeUnknown: context.includeUnknown, select })),
    });
  };
}
